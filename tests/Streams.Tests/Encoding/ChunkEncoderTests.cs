using MediaPlatform.Streams.Chunking;
using MediaPlatform.Streams.Encoding;
using MediaPlatform.Streams.Ladder;
using MediaPlatform.Streams.Tests.Probing;
using MediaPlatform.Testing.Media;

namespace MediaPlatform.Streams.Tests.Encoding;

public class ChunkEncoderTests
{
    private static readonly EncoderSettings Fast = new("superfast", 1);

    [Fact]
    public async Task Encodes_a_chunk_to_the_rung_size_profile_level_and_gop_keeping_every_frame()
    {
        using var clip = await GeneratedClip.VideoAsync(seconds: 6, width: 640, height: 360, audio: false);
        var chunk = await WholeClipChunkAsync(clip);
        var rung = LadderPolicy.Default.For(640, 360, 25, false)[0];
        var progress = new List<double>();

        var result = await new ChunkEncoder(Fast).EncodeAsync(Job(chunk, rung, clip), progress.Add);

        var video = await MediaInspection.VideoAsync(result.OutputPath);
        Assert.Equal(("240p", 426, 240), (rung.Name, video.Width, video.Height));
        Assert.Equal(("High", 30), (video.Profile, video.Level));
        Assert.Equal((150, 150), (result.FrameCount, await MediaInspection.FrameCountAsync(result.OutputPath)));
        Assert.Equal(6.0, result.Duration.TotalSeconds, 0.04);
        Assert.Equal([0.0, 2.0, 4.0], await MediaInspection.KeyframeTimesAsync(result.OutputPath));
        Assert.True(await MediaInspection.PsnrAsync(result.OutputPath, clip.Path, 426, 240) > 30);
        Assert.Equal(1.0, progress[^1]);
    }

    [Fact]
    public async Task Applies_the_source_rotation_that_matroska_chunks_do_not_carry()
    {
        using var clip = await TestClips.RotatedAsync(90, seconds: 2);
        var chunk = await WholeClipChunkAsync(clip);
        var rung = LadderPolicy.Default.For(240, 320, 25, false)[0];

        var result = await new ChunkEncoder(Fast).EncodeAsync(Job(chunk, rung, clip, rotation: 90));

        var video = await MediaInspection.VideoAsync(result.OutputPath);
        Assert.Equal((240, 320), (video.Width, video.Height));
        // The reference is the source as ffmpeg shows it (autorotated); a squashed unrotated picture scores ~10 dB.
        Assert.True(await MediaInspection.PsnrAsync(result.OutputPath, clip.Path, 240, 320) > 30);
    }

    [Fact]
    public async Task Odd_sized_444_source_becomes_an_even_420_rung()
    {
        using var clip = await TestClips.OddSizeAsync(321, 241, seconds: 2);
        var chunk = await WholeClipChunkAsync(clip);
        var rung = Assert.Single(LadderPolicy.Default.For(321, 241, 25, false));

        var result = await new ChunkEncoder(Fast).EncodeAsync(Job(chunk, rung, clip));

        var video = await MediaInspection.VideoAsync(result.OutputPath);
        Assert.Equal((320, 240, "yuv420p"), (video.Width, video.Height, video.PixelFormat));
        Assert.Equal(50, result.FrameCount);
    }

    [Fact]
    public async Task Variable_frame_rate_stays_variable_with_every_frame()
    {
        using var clip = await TestClips.VariableFrameRateAsync();
        var chunk = await WholeClipChunkAsync(clip);
        var rung = LadderPolicy.Default.For(320, 240, 24, false)[0];

        var result = await new ChunkEncoder(Fast).EncodeAsync(Job(chunk, rung, clip));

        Assert.Equal(120, result.FrameCount);
        Assert.Equal(5.0, result.Duration.TotalSeconds, 0.04);
    }

    [Fact]
    public async Task A_bad_input_fails_with_ffmpegs_reason_and_leaves_no_output()
    {
        using var clip = await GeneratedClip.VideoAsync(seconds: 1, audio: false);
        var garbage = Path.Combine(clip.Folder, "chunk_00000.mkv");
        await File.WriteAllBytesAsync(garbage, Enumerable.Range(0, 50_000).Select(i => (byte)(i * 7)).ToArray());
        var chunk = new VideoChunk(0, garbage, TimeSpan.Zero, TimeSpan.FromSeconds(1), 25);
        var job = Job(chunk, LadderPolicy.Default.For(320, 240, 25, false)[0], clip);

        var error = await Assert.ThrowsAsync<FfmpegException>(() => new ChunkEncoder(Fast).EncodeAsync(job));

        Assert.Contains("Invalid data found when processing input", error.Message);
        Assert.NotEqual(0, error.ExitCode);
        Assert.False(File.Exists(job.OutputPath));
    }

    [Fact]
    public async Task Cancellation_kills_ffmpeg_at_once()
    {
        // Long enough at a slow preset to be mid-encode when cancelled.
        using var clip = await GeneratedClip.VideoAsync(seconds: 20, width: 640, height: 360, audio: false);
        var chunk = await WholeClipChunkAsync(clip, 20);
        var pids = new List<int>();
        var runner = new FfmpegRunner(onProcessStarted: (pid, _, _) => { lock (pids) pids.Add(pid); });
        var encoder = new ChunkEncoder(new EncoderSettings("slow", 1), runner);
        using var cancel = new CancellationTokenSource();
        var job = Job(chunk, LadderPolicy.Default.For(640, 360, 25, false)[1], clip);

        var sinceCancel = new System.Diagnostics.Stopwatch();
        var encode = encoder.EncodeAsync(job, p =>
        {
            if (p <= 0 || cancel.IsCancellationRequested) return;
            sinceCancel.Start();
            cancel.Cancel();
        }, cancel.Token);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => encode);

        // The whole encode takes many seconds at this preset; a killed one ends at once.
        Assert.True(sinceCancel.Elapsed < TimeSpan.FromSeconds(3), $"took {sinceCancel.Elapsed} to stop");
        Assert.Equal(0, runner.Running);
        var pid = Assert.Single(pids);
        Assert.False(Directory.Exists($"/proc/{pid}"), $"ffmpeg {pid} still exists after cancellation");
        Assert.False(File.Exists(job.OutputPath));
    }

    [Fact]
    public void Arguments_force_the_shared_gop_and_bound_threads()
    {
        var rung = LadderPolicy.Default.For(1280, 720, 25, true)[3];
        var job = new ChunkEncodeRequest(new VideoChunk(3, "/w/chunk_00003.mkv", TimeSpan.FromSeconds(12),
            TimeSpan.FromSeconds(4), 100), rung, 0, "/w/720p/chunk_00003.mp4");

        var args = string.Join(' ', ChunkEncoder.BuildArguments(job, new EncoderSettings("veryfast", 3)));

        Assert.Equal(
            "-threads 3 -noautorotate -i /w/chunk_00003.mkv -map 0:v:0 -an -sn -dn -fps_mode passthrough " +
            "-filter_threads 3 -vf scale=1280:720:flags=bicubic,setsar=1,format=yuv420p -c:v libx264 -preset veryfast " +
            "-profile:v high -level:v 3.1 -b:v 3000k -maxrate 4500k -bufsize 6000k " +
            "-force_key_frames expr:gte(t,n_forced*2) -sc_threshold 0 -threads 3 -f mp4 /w/720p/chunk_00003.mp4",
            args);
    }

    [Fact]
    public void Unknown_presets_and_thread_counts_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new ChunkEncoder(new EncoderSettings("fastest")));
        Assert.Throws<ArgumentException>(() => new ChunkEncoder(new EncoderSettings("fast", 0)));
    }

    internal static async Task<VideoChunk> WholeClipChunkAsync(GeneratedClip clip, int chunkSeconds = 10)
    {
        var chunks = await new SourceSplitter().SplitAsync(clip.Path, Path.Combine(clip.Folder, "chunks"), chunkSeconds);
        return Assert.Single(chunks);
    }

    private static ChunkEncodeRequest Job(VideoChunk chunk, Rung rung, GeneratedClip clip, int rotation = 0) =>
        new(chunk, rung, rotation, Path.Combine(clip.Folder, rung.Name, $"chunk_{chunk.Index:D5}.mp4"));
}
