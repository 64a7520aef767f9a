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
        Directory.CreateDirectory(Path.Combine(clip.Folder, "enc"));
        var jobs = chunks.Select(c => new ChunkLadderEncode(c, [rung], 0,
            [Path.Combine(clip.Folder, "enc", $"chunk_{c.Index:D5}.mp4")])).ToList();
        var peak = 0;
        // Counted by the runner around each real process: after start, after exit.
        var runner = new FfmpegRunner(onRunningChanged: n => InterlockedMax(ref peak, n));
        var encoder = new ChunkEncoder(new EncoderSettings("ultrafast", 1), runner);

        var results = (await Source.From(jobs)
            .Via(EncodeFlow.Create(encoder, maxConcurrent))
            .RunWith(Sink.Seq<IReadOnlyList<ChunkEncodeResult>>(), Sys.Materializer())).SelectMany(r => r).ToList();

        Assert.Equal(6, jobs.Count);
        Assert.Equal(Enumerable.Range(0, 6), results.Select(r => r.ChunkIndex).Order());
        Assert.All(results, r => Assert.Equal(50, r.FrameCount));
        Assert.Equal(maxConcurrent, peak);
        Assert.Equal(0, runner.Running);
    }

    [Fact]
    public async Task Each_item_runs_in_the_lowest_free_numbered_slot_and_a_slot_runs_one_item_at_a_time()
    {
        var inSlot = new int[3];
        var overlaps = 0;
        var used = new System.Collections.Concurrent.ConcurrentBag<int>();

        var results = await Source.From(Enumerable.Range(0, 30))
            .Via(EncodeFlow.Create<int, (int Item, int Slot)>(3, async (item, slot) =>
            {
                if (Interlocked.Increment(ref inSlot[slot]) > 1) Interlocked.Increment(ref overlaps);
                used.Add(slot);
                await Task.Delay(item % 4 * 5);
                Interlocked.Decrement(ref inSlot[slot]);
                return (item, slot);
            }))
            .RunWith(Sink.Seq<(int Item, int Slot)>(), Sys.Materializer());

        Assert.Equal(Enumerable.Range(0, 30), results.Select(r => r.Item).Order());
        Assert.Equal(0, overlaps);
        Assert.Equal([0, 1, 2], used.Distinct().Order());
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
