using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using Akka.Streams;
using Akka.Streams.Dsl;
using MediaPlatform.Actors.Work;
using MediaPlatform.Node.Tests.Support;
using Xunit.Abstractions;

namespace MediaPlatform.Node.Tests.Api.Titles.Pipeline;

/// <summary>
/// The whole pipeline on one node, the way a user drives it: an upload over HTTP starts it, the title moves through
/// probing, transcoding (with progress), quality control and publishing on its own, and the node then serves the HLS
/// package. Bad sources end as failed titles whose reason says what is wrong; a source quality control rejects is
/// never published.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class TitlePipelineApiSpecs(PipelineNodeFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);

    /// <summary>SRT cues around the 4 s segment boundaries, with markup and an ampersand, one too long for QC's liking.</summary>
    private const string Srt =
        "1\n00:00:00,500 --> 00:00:02,500\nHello there\n\n" +
        "2\n00:00:03,000 --> 00:00:05,000\nThis line is much longer than forty-two characters in all\n\n" +
        "3\n00:00:05,250 --> 00:00:06,125\n<i>Tom</i> & Jerry\n\n" +
        "4\n00:00:07,960 --> 00:00:08,041\nAt the cut\n\n" +
        "5\n00:00:08,300 --> 00:00:08,999\nLast words\n";

    [Fact]
    public async Task An_uploaded_clip_must_be_transcoded_to_its_ladder_checked_published_and_served_as_HLS_with_its_subtitles()
    {
        var client = await fixture.NewUploaderAsync();
        var id = TitleApi.Id(await TitleApi.CreateAsync(client, "Pipeline clip"));
        Assert.Equal(HttpStatusCode.OK, (await TitleApi.UploadSubtitlesAsync(client, id, "en", Srt)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await TitleApi.UploadSourceAsync(client, id, await PipelineClips.GoodAsync(9, 640, 360))).StatusCode);

        var (title, seen) = await TitleProgressWatch.UntilFinishedAsync(client, id, Deadline);
        output.WriteLine($"statuses seen: {string.Join(" -> ", seen)}");
        Assert.True(TitleApi.Status(title) == "Published", $"title ended {TitleApi.Status(title)}: {title.GetProperty("failure")}");
        Assert.Equal(["240p", "360p"], title.GetProperty("ladder").EnumerateArray().Select(r => r.GetProperty("name").GetString()));
        var progress = title.GetProperty("progress");
        Assert.Equal(100, progress.GetProperty("percent").GetDouble());
        Assert.Equal(progress.GetProperty("chunksTotal").GetInt32(), progress.GetProperty("chunksDone").GetInt32());
        Assert.True(progress.GetProperty("chunksTotal").GetInt32() >= 2, "at least two chunks (each one work item for both rungs)");
        var findings = title.GetProperty("qc").GetProperty("findings").EnumerateArray().Select(f => f.GetString()!).ToList();
        Assert.Contains(findings, f => f.Contains("subtitle-line-length") && f.Contains("subtitles en"));
        Assert.DoesNotContain(findings, f => f.Contains(" black") || f.Contains(" freeze") || f.Contains(" silence") || f.Contains(" stuck-pixel"));

        var master = await GetTextAsync(client, title.GetProperty("playbackUrl").GetString()!);
        output.WriteLine(master);
        Assert.Contains("TYPE=AUDIO", master);
        Assert.Contains("RESOLUTION=426x240", master);
        Assert.Contains("RESOLUTION=640x360", master);
        Assert.Contains("CODECS=\"avc1.", master);
        var media = master.Split('\n').First(l => l.EndsWith(".m3u8") && l.Contains("360p"));
        var playlist = await GetTextAsync(client, $"/media/titles/{id}/{media}");
        var segment = playlist.Split('\n').First(l => l.EndsWith(".m4s"));
        var bytes = await client.GetAsync($"/media/titles/{id}/{Path.GetDirectoryName(media)}/{segment}".Replace("//", "/"));
        Assert.Equal(HttpStatusCode.OK, bytes.StatusCode);
        Assert.True((await bytes.Content.ReadAsByteArrayAsync()).Length > 1000, "a media segment holds video");
        Assert.Contains("#EXT-X-ENDLIST", playlist);

        // The pipeline's last step, after the title is seen published: a folder left behind for good fails here.
        await Eventually.AwaitAsync(() => !Directory.Exists(Path.Combine(fixture.Node.Options.WorkDirectory, id)), TimeSpan.FromSeconds(10),
            "the work folder is removed once published");
        await SubtitleRenditionChecks.AssertServedExactlyAsync(client, id, master, Srt, "en", "English", output);
        await PosterChecks.AssertServedAsync(client, fixture.Node.Http, title, expectedWidth: 640, expectedHeight: 360); // the 360p rung
        await ThumbnailChecks.AssertServedAsync(client, fixture.Node, title, TimeSpan.FromSeconds(9));

        // Operators see when each chunk's encode ran and in which worker slot (the title's batch is acknowledged by
        // now, the timeline outlives it in the coordinator's memory).
        using var admin = fixture.Node.ClientWithToken(TestNode.AdminToken);
        var timeline = await admin.GetFromJsonAsync<JsonElement>("/cluster/encodes/timeline");
        var spans = timeline.GetProperty("spans").EnumerateArray().Where(s => s.GetProperty("batchId").GetString()!.Contains(id)).ToList();
        Assert.Equal(progress.GetProperty("chunksTotal").GetInt32(), spans.Count(s => s.GetProperty("succeeded").GetBoolean()));
        Assert.All(spans, s => Assert.True(s.GetProperty("startedAt").GetDateTimeOffset() < s.GetProperty("endedAt").GetDateTimeOffset()));
        Assert.Contains(timeline.GetProperty("workers").EnumerateArray(), w => w.GetProperty("slots").GetInt32() >= 1);
    }

    public static TheoryData<string, string> BadSources => new()
    {
        { "garbage", "invalid data" },
        { "audio-only", "no video stream" },
        { "cut-in-half", "ends early" },
        { "absurd-size", "10000x16" },
        { "cinepak", "'cinepak'" },
    };

    [Theory]
    [MemberData(nameof(BadSources))]
    public async Task A_source_that_is_not_a_playable_video_must_fail_the_title_with_the_reason(string source, string reason)
    {
        var client = await fixture.NewUploaderAsync();
        var id = TitleApi.Id(await TitleApi.CreateAsync(client, $"Bad source {source}"));
        var bytes = source switch
        {
            "garbage" => PipelineClips.Garbage(),
            "audio-only" => await PipelineClips.AudioOnlyAsync(),
            "cut-in-half" => await PipelineClips.CutInHalfAsync(),
            "absurd-size" => await PipelineClips.AbsurdSizeAsync(),
            _ => await PipelineClips.CinepakAsync(),
        };
        Assert.Equal(HttpStatusCode.OK, (await TitleApi.UploadSourceAsync(client, id, bytes)).StatusCode);

        var (title, seen) = await TitleProgressWatch.UntilFinishedAsync(client, id, Deadline);
        var failure = title.GetProperty("failure");
        output.WriteLine($"{source}: {string.Join(" -> ", seen)}: {failure}");
        Assert.Equal("Failed", TitleApi.Status(title));
        Assert.Equal("probe", failure.GetProperty("stage").GetString());
        Assert.Contains(reason, failure.GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.Null, title.GetProperty("playbackUrl").ValueKind);
    }

    [Fact]
    public async Task A_source_quality_control_blocks_must_fail_the_title_and_never_be_served()
    {
        var client = await fixture.NewUploaderAsync();
        var id = TitleApi.Id(await TitleApi.CreateAsync(client, "All black"));
        Assert.Equal(HttpStatusCode.OK, (await TitleApi.UploadSourceAsync(client, id, await PipelineClips.AllBlackAsync(5))).StatusCode);

        var (title, seen) = await TitleProgressWatch.UntilFinishedAsync(client, id, Deadline);
        var failure = title.GetProperty("failure");
        output.WriteLine($"{string.Join(" -> ", seen)}: {failure}");
        Assert.Equal("Failed", TitleApi.Status(title));
        Assert.Equal("quality-check", failure.GetProperty("stage").GetString());
        // The failure's stage proves quality control ran; the QualityCheck status itself may pass between two polls.
        Assert.Contains("black", failure.GetProperty("reason").GetString());
        // Whatever was served while it transcoded is withdrawn, and its owner is told why.
        var master = await client.GetAsync($"/media/titles/{id}/master.m3u8");
        Assert.Equal(HttpStatusCode.NotFound, master.StatusCode);
        Assert.Contains("failed and is no longer served (quality control blocked publishing", await master.Content.ReadAsStringAsync());
        var hls = Path.Combine(fixture.Node.Options.BlobDirectory, "titles", id, "hls");
        await MediaPlatform.Testing.Eventually.AwaitAsync(() => !Directory.Exists(hls) || Directory.GetFiles(hls, "*", SearchOption.AllDirectories).Length == 0,
            TimeSpan.FromSeconds(30), "the failed title's HLS files deleted");
        Assert.Equal(JsonValueKind.Null, title.GetProperty("posterUrl").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/media/titles/{id}/poster.jpg")).StatusCode);
    }

    [Fact]
    public async Task A_black_section_spanning_chunks_must_fail_quality_control_with_its_whole_time_range()
    {
        // Black from 2.44 s to 9.68 s of 12 s (60 %, more than the half that blocks), over all three 4 s chunks: each
        // chunk's encode sees only its part, and the title's verdict must join them.
        var client = await fixture.NewUploaderAsync();
        var id = TitleApi.Id(await TitleApi.CreateAsync(client, "Black middle"));
        Assert.Equal(HttpStatusCode.OK, (await TitleApi.UploadSourceAsync(client, id, await PipelineClips.BlackSectionAsync(12, 2.43, 9.65))).StatusCode);

        var (title, seen) = await TitleProgressWatch.UntilFinishedAsync(client, id, Deadline);
        var failure = title.GetProperty("failure");
        var findings = title.GetProperty("qc").GetProperty("findings").EnumerateArray().Select(f => f.GetString()!).ToList();
        output.WriteLine($"{string.Join(" -> ", seen)}: {failure}\n{string.Join("\n", findings)}");
        Assert.Equal("Failed", TitleApi.Status(title));
        Assert.Equal("quality-check", failure.GetProperty("stage").GetString());
        Assert.Contains(findings, f => f.StartsWith("error black") && f.Contains("of 12.0"));
        Assert.Contains(findings, f => f.StartsWith("warning black [00:00:02.4-00:00:09.6]"));
        Assert.Single(findings, f => f.StartsWith("warning black"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/media/titles/{id}/master.m3u8")).StatusCode);
        // The verdict came from the encodes' own checks, one per chunk (the video was not decoded again for it).
        var checks = (await CoordinatorJournalAsync()).OfType<WorkChunkChecked>().Where(c => c.WorkId.Contains(id)).ToList();
        Assert.Equal(3, checks.Select(c => c.Qc.Start).Distinct().Count());
        Assert.Equal(3, checks.Count);
    }

    /// <summary>
    /// The coordinator's stored decisions: every one of them, since the fixture's snapshot interval is out of reach and
    /// the coordinator deletes only the events below a snapshot.
    /// </summary>
    private async Task<IReadOnlyList<object>> CoordinatorJournalAsync()
    {
        var system = fixture.Node.System;
        var journal = PersistenceQuery.Get(system).ReadJournalFor<SqlReadJournal>(SqlReadJournal.Identifier);
        var envelopes = await journal.CurrentEventsByPersistenceId(TranscodeCoordinator.Name, 0, long.MaxValue)
            .RunWith(Sink.Seq<EventEnvelope>(), system.Materializer());
        return envelopes.Select(e => e.Event).ToList();
    }

    private static async Task<string> GetTextAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {text}");
        return text;
    }
}
