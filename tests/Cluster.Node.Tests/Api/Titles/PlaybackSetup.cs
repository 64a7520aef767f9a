using System.Net;
using System.Text;
using Akka.Actor;
using MediaPlatform.Actors.Titles;
using MediaPlatform.Testing.Api;
using MediaPlatform.Streams.Ladder;
using MediaPlatform.Streams.Probing;

namespace MediaPlatform.Node.Tests.Api.Titles;

/// <summary>
/// Test set-up of a published title: the source is uploaded through the API, the pipeline's commands are sent to the
/// title entity through its shard region (as the transcode orchestrator would), and a tiny package is written into
/// the blob store where the orchestrator would put it: a playlist, an init segment and one media segment.
/// </summary>
public sealed class PlaybackSetup(TitlesNodeFixture fixture)
{
    public static ProbeResult Probe => PublishedTitles.Probe;

    public static IReadOnlyList<Rung> Ladder => PublishedTitles.Ladder;

    public const string Master = "#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-STREAM-INF:BANDWIDTH=200000,RESOLUTION=160x120\n120p/index.m3u8\n";

    /// <summary>256 bytes 0..255, so any range's content is known.</summary>
    public static readonly byte[] Segment = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();

    public async Task PublishAsync(HttpClient owner, string titleId)
    {
        Assert.Equal(HttpStatusCode.OK, (await TitleApi.UploadSourceAsync(owner, titleId, await fixture.ClipAsync())).StatusCode);
        await AskAsync(new StartProbe(titleId));
        await AskAsync(RecordProbe.Accepted(titleId, Probe, Ladder));
        await AskAsync(new RecordTranscodeProgress(titleId, 2, 2));
        var hls = TitleBlobKeys.Hls(titleId);
        var store = fixture.Blobs;
        await store.WriteAsync(hls + "master.m3u8", new MemoryStream(Encoding.ASCII.GetBytes(Master)));
        await store.WriteAsync(hls + "120p/index.m3u8", new MemoryStream(Encoding.ASCII.GetBytes("#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXT-X-MAP:URI=\"init.mp4\"\n#EXTINF:2.000000,\nseg-00001.m4s\n#EXT-X-ENDLIST\n")));
        await store.WriteAsync(hls + "120p/init.mp4", new MemoryStream(Segment[..32]));
        await store.WriteAsync(hls + "120p/seg-00001.m4s", new MemoryStream(Segment));
        await store.WriteAsync(hls + "subs/en.vtt", new MemoryStream(Encoding.UTF8.GetBytes("WEBVTT\n\n00:00.000 --> 00:01.000\nHello\n")));
        await AskAsync(new RecordPackaged(titleId, hls, "master.m3u8", Ladder));
        await AskAsync(new RecordQcReport(titleId, new TitleQcSummary(true, false, [])));
        var published = await AskAsync(new PublishTitle(titleId));
        Assert.Equal(TitleStatus.Published, published.Status);
    }

    private Task<TitleView> AskAsync(ITitleCommand command) => fixture.Titles.Ask<TitleView>(command, TimeSpan.FromSeconds(10));
}
