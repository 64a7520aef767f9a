using MediaPlatform.Streams.Chunking;
using MediaPlatform.Streams.Encoding;
using MediaPlatform.Streams.Ladder;
using MediaPlatform.Streams.Quality;
using MediaPlatform.Streams.Quality.Chunks;
using MediaPlatform.Streams.Quality.Video;
using MediaPlatform.Testing.Media;

namespace MediaPlatform.Streams.Tests.Quality.Chunks;

/// <summary>
/// The picture check runs in the ffmpeg that encodes each chunk (one decode), and the title's findings are the chunks'
/// joined: a defect that spans a chunk boundary is found whole, at the times the whole-source pass gives it.
/// </summary>
public class ChunkPictureCheckTests
{
    private static readonly EncoderSettings Fast = new("ultrafast", 1);
    private static readonly QcThresholds NoPixels = QcThresholds.Default with { StuckPixelSampleFrames = 0 };
    private const double Frame = 0.04; // 25 fps

    [Fact]
    public async Task A_black_section_spanning_two_chunks_is_one_warning_with_its_whole_time_range()
    {
        // 3 s of black from 2.5 s: 1.5 s on each side of the 4 s chunk boundary, under the 2 s warning length each.
        using var clip = await GeneratedClip.VideoAsync(seconds: 8, audio: false,
            videoFilter: "drawbox=x=0:y=0:w=iw:h=ih:color=black:t=fill:enable='between(t,2.5,5.5)'");

        var checks = await CheckChunksAsync(clip, NoPixels);

        Assert.Equal(2, checks.Count);
        Assert.All(checks, c => Assert.True(Assert.Single(c.Black).Duration < NoPixels.BlackWarningAfter, "each chunk alone sees under 2 s"));
        var findings = ChunkQcJoin.Findings(checks, NoPixels);
        var black = Assert.Single(findings, f => f.Check == QcChecks.Black);
        Assert.Equal(QcSeverity.Warning, black.Severity);
        Assert.InRange(black.Start!.Value.TotalSeconds, 2.5 - 2 * Frame, 2.5 + 2 * Frame);
        Assert.InRange(black.End!.Value.TotalSeconds, 5.5 - 2 * Frame, 5.5 + 2 * Frame);
        Assert.DoesNotContain(findings, f => f.Check == QcChecks.Freeze);

        // The same range the whole-source pass finds.
        var whole = Assert.Single((await VideoQualityCheck.RunAsync(clip.Path, NoPixels)).Findings, f => f.Check == QcChecks.Black);
        Assert.Equal(whole.Start!.Value.TotalSeconds, black.Start.Value.TotalSeconds, 0.05);
        Assert.Equal(whole.End!.Value.TotalSeconds, black.End.Value.TotalSeconds, 0.05);
    }

    [Fact]
    public async Task A_frozen_section_spanning_two_chunks_is_found_whole()
    {
        // Frames 75..174 (3 s to 7 s) all replaced by frame 75: 1 s before the boundary, 3 s after.
        using var clip = await GeneratedClip.VideoAsync(seconds: 8, audio: false,
            videoFilter: "split[a][b];[a][b]freezeframes=first=75:last=174:replace=75");

        var findings = ChunkQcJoin.Findings(await CheckChunksAsync(clip, NoPixels), NoPixels);

        var frozen = Assert.Single(findings, f => f.Check == QcChecks.Freeze);
        Assert.InRange(frozen.Start!.Value.TotalSeconds, 3 - 2 * Frame, 3 + 2 * Frame);
        Assert.InRange(frozen.End!.Value.TotalSeconds, 7 - 2 * Frame, 7 + 2 * Frame);
        Assert.DoesNotContain(findings, f => f.Check == QcChecks.Black);
    }

    [Fact]
    public async Task A_stuck_pixel_is_found_from_the_frames_each_chunk_sampled_and_a_clean_picture_has_none()
    {
        using var clip = await NearLosslessAsync("noise=alls=30:allf=t+u,drawbox=x=160:y=60:w=1:h=1:color=white:t=fill");
        var thresholds = QcThresholds.Default with { StuckPixelSampleFrames = 8 };

        var checks = await CheckChunksAsync(clip, thresholds);

        Assert.All(checks, c => Assert.InRange(c.SampledFrames, 8, 10));
        var stuck = Assert.Single(ChunkQcJoin.Findings(checks, thresholds), f => f.Check == QcChecks.StuckPixel);
        Assert.Equal((160, 60), (stuck.X, stuck.Y));
        Assert.Contains("stuck bright", stuck.Message);

        using var clean = await NearLosslessAsync("noise=alls=30:allf=t+u");
        Assert.Empty(ChunkQcJoin.Findings(await CheckChunksAsync(clean, thresholds), thresholds));
    }

    [Fact]
    public async Task The_check_adds_no_ffmpeg_and_leaves_the_encoded_rungs_as_they_were()
    {
        using var clip = await GeneratedClip.VideoAsync(seconds: 4, audio: false);
        var chunk = (await new SourceSplitter().SplitAsync(clip.Path, Path.Combine(clip.Folder, "chunks"), 4)).Single();
        var rung = LadderPolicy.Default.For(320, 240, 25, false)[0];
        var ffmpegs = 0;
        var runner = new FfmpegRunner(onProcessStarted: (_, tool, _) => { if (tool == "ffmpeg") Interlocked.Increment(ref ffmpegs); });
        var output = Path.Combine(clip.Folder, "checked.mp4");

        var outcome = await new ChunkEncoder(Fast, runner).EncodeLadderAsync(new ChunkLadderEncode(chunk, [rung], 0, [output], QcThresholds.Default));

        Assert.Equal(1, ffmpegs);
        Assert.Equal(chunk.FrameCount, Assert.Single(outcome.Encodes).FrameCount);
        Assert.NotNull(outcome.Qc);
        Assert.Empty(ChunkQcJoin.Findings([outcome.Qc], QcThresholds.Default));
        var plain = await new ChunkEncoder(Fast).EncodeLadderAsync(new ChunkLadderEncode(chunk, [rung], 0, [Path.Combine(clip.Folder, "plain.mp4")]));
        Assert.Null(plain.Qc);
        Assert.Equal(await MediaInspection.KeyframeTimesAsync(plain.Encodes[0].OutputPath), await MediaInspection.KeyframeTimesAsync(output));
    }

    /// <summary>8 s of grainy test picture encoded nearly losslessly, so a planted pixel keeps its value in every frame.</summary>
    private static Task<GeneratedClip> NearLosslessAsync(string filter) => GeneratedClip.RawAsync("grain.mp4", [
        "-f", "lavfi", "-i", $"testsrc2=size=320x240:rate=25:duration=8,{filter}",
        "-c:v", "libx264", "-preset", "ultrafast", "-qp", "4", "-pix_fmt", "yuv420p",
        "-force_key_frames", "expr:gte(t,n_forced*2)", "-sc_threshold", "0"]);

    /// <summary>Splits the clip into 4 s chunks and encodes each (one small rung) with its picture checked.</summary>
    private static async Task<IReadOnlyList<ChunkPictureQc>> CheckChunksAsync(GeneratedClip clip, QcThresholds thresholds)
    {
        var chunks = await new SourceSplitter().SplitAsync(clip.Path, Path.Combine(clip.Folder, "chunks"), 4);
        var rung = LadderPolicy.Default.For(320, 240, 25, false)[0];
        var checks = new List<ChunkPictureQc>();
        foreach (var chunk in chunks)
        {
            var output = Path.Combine(clip.Folder, "encoded", $"{chunk.Index}.mp4");
            var outcome = await new ChunkEncoder(Fast).EncodeLadderAsync(new ChunkLadderEncode(chunk, [rung], 0, [output], thresholds));
            checks.Add(outcome.Qc!);
        }
        return checks;
    }
}
