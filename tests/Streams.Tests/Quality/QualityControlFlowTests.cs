using Akka.Streams;
using Akka.Streams.Dsl;
using Akka.TestKit.Xunit2;
using MediaPlatform.Streams.Quality;
using MediaPlatform.Testing.Media;

namespace MediaPlatform.Streams.Tests.Quality;

public class QualityControlFlowTests : TestKit
{
    [Fact]
    public async Task Checks_media_and_subtitles_of_each_request_in_order()
    {
        using var clean = await GeneratedClip.VideoAsync(seconds: 3);
        using var noAudio = await GeneratedClip.VideoAsync(seconds: 3, audio: false);
        var vtt = Path.Combine(clean.Folder, "en.vtt");
        await File.WriteAllTextAsync(vtt, "WEBVTT\n\n00:00:01.000 --> 00:00:00.500\nBackwards.\n");
        var srt = Path.Combine(noAudio.Folder, "de.srt");
        await File.WriteAllTextAsync(srt, "1\n00:00:01,000 --> 00:00:02,500\nGut.\n");
        var requests = new[]
        {
            new QcRequest("title-1", clean.Path, [new SubtitleFile("en.vtt", vtt)]),
            new QcRequest("title-2", noAudio.Path, [new SubtitleFile("de.srt", srt)],
                QcThresholds.Default with { StuckPixelSampleFrames = 0 }),
        };

        var results = await Source.From(requests)
            .Via(QualityControlFlow.Create(parallelism: 2))
            .RunWith(Sink.Seq<QcResult>(), Sys.Materializer())
            .WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(["title-1", "title-2"], results.Select(r => r.Request.Id));
        var first = Assert.Single(results[0].Report.Findings);
        Assert.Equal((QcChecks.SubtitleParse, "en.vtt", 3), (first.Check, first.Source, first.Line));
        Assert.True(results[0].Report.BlocksPublishing);
        Assert.Equal(QcChecks.NoAudio, Assert.Single(results[1].Report.Findings).Check);
        Assert.True(results[1].Report.Passed);
    }

    [Fact]
    public async Task A_failing_request_fails_the_stream_with_the_ffmpeg_error()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.mp4");

        var error = await Assert.ThrowsAnyAsync<Exception>(() => Source.Single(new QcRequest("x", missing, []))
            .Via(QualityControlFlow.Create())
            .RunWith(Sink.Seq<QcResult>(), Sys.Materializer()));

        Assert.Contains("No such file or directory", error.Message);
    }
}
