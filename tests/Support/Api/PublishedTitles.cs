using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Akka.Actor;
using MediaPlatform.Actors.Titles;
using MediaPlatform.Streams.Ladder;
using MediaPlatform.Streams.Probing;

namespace MediaPlatform.Testing.Api;

/// <summary>
/// Published titles for specs and benches that need one to exist but not to play: created over HTTP by their owner,
/// then taken to Published by sending the pipeline's commands to the title entity through its shard region (as the
/// transcode orchestrator would). No media is written.
/// </summary>
public static class PublishedTitles
{
    /// <summary>A tiny 2 s 160x120 H.264 + AAC source as the prober would describe it.</summary>
    public static readonly ProbeResult Probe = new("mov,mp4,m4a,3gp,3g2,mj2", TimeSpan.FromSeconds(2), 160, 120, 160, 120, 0, 25, false,
        "h264", "yuv420p", 100_000, TimeSpan.Zero, 50, 1, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2), null, true, "aac", 1, 48_000, TimeSpan.Zero);

    public static IReadOnlyList<Rung> Ladder => LadderPolicy.Default.For(Probe);

    /// <summary>A new title of <paramref name="owner"/> (a client carrying their token); not published.</summary>
    public static async Task<string> CreatedAsync(HttpClient owner, string name = "Movie night")
    {
        using var created = await owner.PostAsJsonAsync("/api/titles", new { name, description = "" });
        var text = await created.Content.ReadAsStringAsync();
        if (created.StatusCode != HttpStatusCode.Created) throw new InvalidOperationException($"creating a title: {(int)created.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("titleId").GetString()!;
    }

    /// <summary>A new published title of <paramref name="owner"/>; <paramref name="titles"/> is a node's title shard region.</summary>
    public static async Task<string> CreateAsync(HttpClient owner, IActorRef titles, string name = "Movie night")
    {
        var titleId = await CreatedAsync(owner, name);
        var upload = Guid.NewGuid().ToString("N");
        await AskAsync(titles, new RecordSourceUploaded(titleId, upload, TitleBlobKeys.Source(titleId, upload), 1000, "clip.mp4"));
        await AskAsync(titles, new StartProbe(titleId));
        await AskAsync(titles, RecordProbe.Accepted(titleId, Probe, Ladder));
        await AskAsync(titles, new RecordTranscodeProgress(titleId, 1, 1));
        await AskAsync(titles, new RecordPackaged(titleId, TitleBlobKeys.Hls(titleId), "master.m3u8", Ladder));
        await AskAsync(titles, new RecordQcReport(titleId, new TitleQcSummary(true, false, [])));
        var published = await AskAsync(titles, new PublishTitle(titleId));
        if (published.Status != TitleStatus.Published) throw new InvalidOperationException($"title {titleId} is {published.Status}, not Published");
        return titleId;
    }

    private static Task<TitleView> AskAsync(IActorRef titles, ITitleCommand command) => titles.Ask<TitleView>(command, TimeSpan.FromSeconds(10));
}
