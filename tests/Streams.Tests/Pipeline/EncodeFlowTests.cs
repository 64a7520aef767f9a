using Akka.Streams;
using Akka.Streams.Dsl;
using Akka.TestKit.Xunit2;
using MediaPlatform.Streams.Chunking;
using MediaPlatform.Streams.Encoding;
using MediaPlatform.Streams.Ladder;
using MediaPlatform.Streams.Pipeline;
using MediaPlatform.Testing.Media;

namespace MediaPlatform.Streams.Tests.Pipeline;

public class EncodeFlowTests : TestKit
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Never_runs_more_than_max_concurrent_ffmpeg_processes(int maxConcurrent)
    {
        using var clip = await GeneratedClip.VideoAsync(seconds: 12, audio: false);
        var chunks = await new SourceSplitter().SplitAsync(clip.Path, Path.Combine(clip.Folder, "chunks"), 2);
        var rung = LadderPolicy.Default.For(320, 240, 25, false)[0];
        var jobs = chunks.Select(c => new ChunkEncodeRequest(c, rung, 0,
            Path.Combine(clip.Folder, "enc", $"chunk_{c.Index:D5}.mp4"))).ToList();
        var peak = 0;
        // Counted by the runner around each real process: after start, after exit.
        var runner = new FfmpegRunner(onRunningChanged: n => InterlockedMax(ref peak, n));
        var encoder = new ChunkEncoder(new EncoderSettings("ultrafast", 1), runner);

        var results = await Source.From(jobs)
            .Via(EncodeFlow.Create(encoder, maxConcurrent))
            .RunWith(Sink.Seq<ChunkEncodeResult>(), Sys.Materializer());

        Assert.Equal(6, jobs.Count);
        Assert.Equal(Enumerable.Range(0, 6), results.Select(r => r.ChunkIndex).Order());
        Assert.All(results, r => Assert.Equal(50, r.FrameCount));
        Assert.Equal(maxConcurrent, peak);
        Assert.Equal(0, runner.Running);
    }

    [Fact]
    public void Refuses_a_concurrency_below_one() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => EncodeFlow.Create(new ChunkEncoder(), 0));

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while (value > (seen = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen) { }
    }
}
