using MediaPlatform.Streams.Quality;
using MediaPlatform.Streams.Quality.Video;
using MediaPlatform.Testing.Media;

namespace MediaPlatform.Streams.Tests.Quality.Video;

public class BlackFreezeSilenceTests
{
    private static readonly QcThresholds NoPixels = QcThresholds.Default with { StuckPixelSampleFrames = 0 };
    private const double Frame = 0.04; // 25 fps

    [Fact]
    public async Task Planted_black_span_is_found_with_its_start_and_end_and_not_also_as_frozen()
    {
        using var clip = await GeneratedClip.VideoAsync(seconds: 6,
            videoFilter: "drawbox=x=0:y=0:w=iw:h=ih:color=black:t=fill:enable='between(t,2,4)'");

        var report = await VideoQualityCheck.RunAsync(clip.Path, NoPixels);

        var black = Assert.Single(report.Findings, f => f.Check == QcChecks.Black);
        Assert.Equal(QcSeverity.Warning, black.Severity);
        Assert.InRange(black.Start!.Value.TotalSeconds, 2 - 2 * Frame, 2 + 2 * Frame);
        Assert.InRange(black.End!.Value.TotalSeconds, 4 - 2 * Frame, 4 + 2 * Frame);
        Assert.DoesNotContain(report.Findings, f => f.Check == QcChecks.Freeze);
        Assert.False(report.Passed);
        Assert.False(report.BlocksPublishing);
    }

    [Fact]
    public async Task Planted_frozen_span_is_found()
    {
        // Frames 75..174 (3 s to 7 s) all replaced by frame 75.
        using var clip = await GeneratedClip.VideoAsync(seconds: 8,
            videoFilter: "split[a][b];[a][b]freezeframes=first=75:last=174:replace=75");

        var report = await VideoQualityCheck.RunAsync(clip.Path, NoPixels);

        var frozen = Assert.Single(report.Findings, f => f.Check == QcChecks.Freeze);
        Assert.Equal(QcSeverity.Warning, frozen.Severity);
        Assert.InRange(frozen.Start!.Value.TotalSeconds, 3 - 2 * Frame, 3 + 2 * Frame);
        Assert.InRange(frozen.End!.Value.TotalSeconds, 7 - 2 * Frame, 7 + 2 * Frame);
        Assert.DoesNotContain(report.Findings, f => f.Check == QcChecks.Black);
    }

    [Fact]
    public async Task Planted_silence_is_found()
    {
        using var clip = await GeneratedClip.RawAsync("silence.mp4", [
            "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25:duration=6",
            "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=6,volume=enable='between(t,1,4.5)':volume=0",
            "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest"]);

        var report = await VideoQualityCheck.RunAsync(clip.Path, NoPixels);

        var silence = Assert.Single(report.Findings, f => f.Check == QcChecks.Silence);
        Assert.Equal(QcSeverity.Warning, silence.Severity);
        Assert.InRange(silence.Start!.Value.TotalSeconds, 0.95, 1.05);
        Assert.InRange(silence.End!.Value.TotalSeconds, 4.45, 4.55);
    }

    [Fact]
    public async Task A_clean_clip_has_no_findings_and_passes()
    {
        using var clip = await GeneratedClip.VideoAsync(seconds: 4);

        var report = await VideoQualityCheck.RunAsync(clip.Path, QcThresholds.Default);

        Assert.Empty(report.Findings);
        Assert.True(report.Passed);
        Assert.False(report.BlocksPublishing);
    }

    [Fact]
    public async Task A_clip_without_audio_says_so_and_finds_no_silence()
    {
        using var clip = await GeneratedClip.VideoAsync(seconds: 3, audio: false);

        var report = await VideoQualityCheck.RunAsync(clip.Path, QcThresholds.Default);

        var finding = Assert.Single(report.Findings);
        Assert.Equal(QcChecks.NoAudio, finding.Check);
        Assert.Equal(QcSeverity.Info, finding.Severity);
        Assert.True(report.Passed);
    }

    [Fact]
    public async Task A_fully_black_video_is_an_error_that_blocks_unless_the_thresholds_say_otherwise()
    {
        using var clip = await GeneratedClip.RawAsync("black.mp4", [
            "-f", "lavfi", "-i", "color=black:size=320x240:rate=25:duration=4",
            "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"]);

        var report = await VideoQualityCheck.RunAsync(clip.Path, QcThresholds.Default);

        var error = Assert.Single(report.Findings, f => f.Severity == QcSeverity.Error);
        Assert.Equal(QcChecks.Black, error.Check);
        Assert.Contains("entirely black", error.Message);
        Assert.DoesNotContain(report.Findings, f => f.Check is QcChecks.Freeze or QcChecks.StuckPixel);
        Assert.True(report.BlocksPublishing);

        var lenient = await VideoQualityCheck.RunAsync(clip.Path, QcThresholds.Default with { BlockPublishingAt = null });
        Assert.False(lenient.BlocksPublishing);
        Assert.False(lenient.Passed);
    }

    [Fact]
    public async Task A_threshold_change_flips_the_verdict()
    {
        using var clip = await GeneratedClip.VideoAsync(seconds: 5, audio: false,
            videoFilter: "drawbox=x=0:y=0:w=iw:h=ih:color=black:t=fill:enable='between(t,1,3.2)'");

        var relaxed = await VideoQualityCheck.RunAsync(clip.Path, NoPixels);
        var strict = await VideoQualityCheck.RunAsync(clip.Path, NoPixels with { BlackErrorFraction = 0.4 });
        var shortSpansOk = await VideoQualityCheck.RunAsync(clip.Path, NoPixels with { BlackWarningAfter = TimeSpan.FromSeconds(3) });

        Assert.False(relaxed.BlocksPublishing); // ~2.2 s of 5 s black: a warning
        Assert.False(relaxed.Passed);
        Assert.True(strict.BlocksPublishing);   // more than 40 %: an error
        Assert.True(shortSpansOk.Passed);       // ~2.2 s is under a 3 s warning length: only Info
    }
}
