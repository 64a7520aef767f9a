using Akka.Streams;
using Akka.TestKit.Xunit2;
using MediaPlatform.Streams.Encoding;
using MediaPlatform.Streams.Packaging;
using MediaPlatform.Streams.Pipeline;
using MediaPlatform.Streams.Probing;
using MediaPlatform.Streams.Tests.Encoding;
using MediaPlatform.Streams.Tests.Probing;
using MediaPlatform.Testing.Media;

namespace MediaPlatform.Streams.Tests.Pipeline;

public class TranscodeEdgeCaseTests : TestKit
{
    [Fact]
    public async Task Rotated_source_without_audio_becomes_a_portrait_title_without_an_audio_group()
    {
        using var clip = await TestClips.RotatedAsync(90, seconds: 4);
        var request = Request(clip);

        var summary = await CompleteAsync(request);

        var rung = Assert.Single(summary.Rungs);
        Assert.Equal(("240p", 240, 320, 100), (rung.Name, rung.Width, rung.Height, rung.FrameCount));
        Assert.Null(summary.AudioPlaylist);
        var master = await File.ReadAllTextAsync(Path.Combine(request.OutputFolder, summary.MasterPlaylist));
        Assert.DoesNotContain("AUDIO", master);
        Assert.DoesNotContain("mp4a", master);
        Assert.Contains("RESOLUTION=240x320", master);
        Assert.False(Directory.Exists(request.WorkFolder), "work files left behind");
    }

    [Fact]
    public async Task Variable_frame_rate_source_keeps_every_frame_and_its_length()
    {
        using var clip = await TestClips.VariableFrameRateAsync();
        var request = Request(clip);

        var summary = await CompleteAsync(request);

        var rung = Assert.Single(summary.Rungs);
        Assert.Equal(120, rung.FrameCount);
        Assert.Equal(5.0, HlsMediaPlaylist.Read(request.OutputFolder, rung.Playlist).Duration.TotalSeconds, 0.07);
        Assert.Equal(120, await MediaInspection.FrameCountAsync(Path.Combine(request.OutputFolder, rung.Playlist)));
    }

    [Fact]
    public async Task Unusable_source_is_rejected_with_its_reason_and_nothing_is_written()
    {
        using var clip = await TestClips.AudioOnlyAsync();
        var request = Request(clip);

        var outcome = await new TranscodePipeline(Sys.Materializer()).RunAsync(request);

        var rejected = Assert.IsType<TranscodeOutcome.Rejected>(outcome);
        Assert.Equal(RejectionReason.NoVideoStream, rejected.Reason);
        Assert.False(File.Exists(Path.Combine(request.OutputFolder, TitlePackager.MasterFile)));
    }

    [Fact]
    public async Task Cancelling_stops_the_graph_and_kills_its_ffmpeg_processes()
    {
        using var clip = await GeneratedClip.VideoAsync(seconds: 12, width: 640, height: 360, audio: false);
        var runner = new FfmpegRunner();
        using var cancel = new CancellationTokenSource();
        var request = Request(clip) with { Preset = "slow" };

        var run = new TranscodePipeline(Sys.Materializer(), runner: runner).RunAsync(request,
            p => { if (p.Stage == "encode") cancel.CancelAfter(TimeSpan.FromMilliseconds(300)); }, cancel.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        await AwaitAssertAsync(() => Assert.Equal(0, runner.Running), TimeSpan.FromSeconds(5));
    }

    private static TranscodeRequest Request(GeneratedClip clip) =>
        new(clip.Path, Path.Combine(clip.Folder, "out"), MaxConcurrentEncodes: 2, Preset: "ultrafast", ThreadsPerEncode: 1);

    private async Task<TranscodeSummary> CompleteAsync(TranscodeRequest request) =>
        Assert.IsType<TranscodeOutcome.Completed>(await new TranscodePipeline(Sys.Materializer()).RunAsync(request)).Summary;
}
