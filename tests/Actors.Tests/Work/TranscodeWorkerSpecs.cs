using System.Collections.Concurrent;
using Akka.Actor;
using Akka.Configuration;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Tests.Support;
using MediaPlatform.Actors.Tests.Work.Support;
using MediaPlatform.Actors.Work;
using MediaPlatform.Streams.Encoding;
using MediaPlatform.Streams.Ladder;

namespace MediaPlatform.Actors.Tests.Work;

/// <summary>
/// The real worker with the real coordinator, encoding real chunks of a generated clip with ffmpeg: the concurrency
/// limit holds, threads per job divide the cores, outputs are complete, and a chunk ffmpeg cannot read ends failed with
/// ffmpeg's own message after max-attempts.
/// </summary>
public sealed class TranscodeWorkerSpecs() : Akka.TestKit.Xunit2.TestKit(Config)
{
    private static readonly Config Config = ConfigurationFactory.ParseString("""
            media-platform.transcode {
              max-concurrent-encodes = 2
              preset = superfast
              max-attempts = 2
              check-in-interval = 200ms
              work-timeout = 20s
              reap-interval = 500ms
            }
            """).WithFallback(EntitySpecConfig.Create());

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);
    private readonly ConcurrentDictionary<int, string> _commandLines = new();
    private readonly ConcurrentDictionary<int, int> _niceness = new();
    private int _running;
    private int _mostRunning;

    /// <summary>A real runner that records how many of its processes run at once, their command lines and priority.</summary>
    private FfmpegRunner ObservedRunner() => new(
        running =>
        {
            Volatile.Write(ref _running, running);
            int seen;
            while ((seen = Volatile.Read(ref _mostRunning)) < running && Interlocked.CompareExchange(ref _mostRunning, running, seen) != seen) { }
        },
        (pid, tool, arguments) =>
        {
            FfmpegPriority.Lower(pid);
            _commandLines[pid] = $"{tool} {string.Join(' ', arguments)}";
            try
            {
                _niceness[pid] = int.Parse(File.ReadAllText($"/proc/{pid}/stat").Split(") ")[1].Split(' ')[16]);
            }
            catch (IOException) { /* exited already */ }
        });

    private (IActorRef Coordinator, IActorRef Worker) StartQueue()
    {
        var settings = TranscodeSettings.From(Sys);
        var coordinator = Sys.ActorOf(TranscodeCoordinator.PropsFor(settings, EntitySettings.From(Sys), SystemClock.Instance));
        var worker = Sys.ActorOf(TranscodeWorker.PropsFor(coordinator, settings, ObservedRunner()));
        return (coordinator, worker);
    }

    [Fact]
    public async Task A_worker_must_encode_each_chunk_to_every_rung_with_one_ffmpeg_and_never_run_more_than_its_limit_at_once()
    {
        using var media = await TestMedia.SplitClipAsync(seconds: 8, width: 640, height: 360);
        var rungs = LadderPolicy.Default.For(640, 360, 25, false);
        var items = media.Chunks.Select(c => ChunkEncodePayload.For(
            new ChunkLadderEncode(c, rungs, 0, rungs.Select(r => media.Output(r.Name, c.Index)).ToList()), 640, 360)).ToList();
        var subscriber = CreateTestProbe();
        var (coordinator, _) = StartQueue();

        foreach (var (item, i) in items.Select((j, i) => (j, i)))
            Assert.IsType<WorkAck>(await coordinator.Ask<object>(SubmitChunkWork.For($"w{i}", "clip", items.Count, item, subscriber.Ref), Wait));
        subscriber.FishForMessage(m => m is BatchProgress p && p.IsFinished(), Wait);

        var status = Assert.IsType<BatchStatus>(await coordinator.Ask<object>(new GetBatchStatus("clip"), Wait));
        Assert.Equal((items.Count, 0), (status.Done, status.Failed));
        Assert.True(items.Count >= 4 && rungs.Count >= 2, $"{items.Count} chunks, {rungs.Count} rungs");
        Assert.All(status.Items, i => Assert.Equal(rungs.Select(r => r.Name), i.Results!.Select(r => r.RungName)));
        foreach (var item in items)
        foreach (var output in item.OutputPaths)
            Assert.Equal(item.Chunk.FrameCount, await TestMedia.FrameCountAsync(output));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(media.Folder, "out"), "*.part", SearchOption.AllDirectories));
        // The limit was used and never exceeded (each item runs ffmpeg, then ffprobe per rung: one process at a time).
        Assert.Equal(2, Volatile.Read(ref _mostRunning));
        // One ffmpeg per chunk decodes it once and writes every rung: as many encodes as chunks, each naming every rung's output.
        var threads = Math.Max(1, Environment.ProcessorCount / 2);
        var encodes = _commandLines.Where(c => c.Value.Contains("libx264")).ToList();
        Assert.Equal(items.Count, encodes.Count);
        Assert.All(encodes, c => Assert.Contains($"split={rungs.Count}", c.Value));
        Assert.All(items, item => Assert.Single(encodes, c => item.OutputPaths.All(o => c.Value.Contains(Path.GetFileName(Path.GetDirectoryName(o))!) && c.Value.Contains(item.Chunk.Path))));
        Assert.All(encodes, c => Assert.Contains($"-threads {threads} ", c.Value));
        // ffmpeg runs below the node's priority (the CPU bulkhead).
        var encodePriorities = _niceness.Where(n => encodes.Any(e => e.Key == n.Key)).Select(n => n.Value).ToList();
        Assert.NotEmpty(encodePriorities);
        Assert.All(encodePriorities, nice => Assert.Equal(10, nice));
        // The coordinator's timeline has one span per item, in the worker's two slots, never two at once in a slot.
        var timeline = Assert.IsType<EncodeTimelineView>(await coordinator.Ask<object>(new GetEncodeTimeline("clip"), Wait));
        Assert.Equal(items.Count, timeline.Spans.Count);
        Assert.All(timeline.Spans, s => Assert.InRange(s.Slot, 0, 1));
        foreach (var slot in timeline.Spans.GroupBy(s => s.Slot))
            Assert.All(slot.OrderBy(s => s.StartedAt).Zip(slot.OrderBy(s => s.StartedAt).Skip(1)), p => Assert.True(p.First.EndedAt <= p.Second.StartedAt));
    }

    [Fact]
    public async Task A_worker_must_queue_one_item_per_slot_and_decline_assignments_beyond_that_even_when_the_coordinator_sends_them()
    {
        using var media = await TestMedia.SplitClipAsync(seconds: 10, width: 320, height: 240);
        var rung = LadderPolicy.Default.For(320, 240, 25, false)[0];
        var coordinator = CreateTestProbe(); // speaks the coordinator's side of the protocol, and oversends on purpose
        var worker = Sys.ActorOf(TranscodeWorker.PropsFor(coordinator.Ref, TranscodeSettings.From(Sys), ObservedRunner()));
        var assignments = media.Chunks.Select(c => new WorkAssignment($"w{c.Index}", "clip", 1,
            EncodePayload.For(c, rung, 0, media.Output(rung.Name, c.Index)))).ToList();

        coordinator.Send(worker, new AssignWork(assignments));

        // 2 slots + 1 queued per slot: the fifth is declined; the queued ones start as slots free, without a new assignment.
        var declined = (DeclineWork)coordinator.FishForMessage(m => m is DeclineWork, Wait);
        var done = new HashSet<string>(); // an outcome is resent with each check-in until acknowledged
        while (done.Count < 4) done.Add(((ReportChunkDone)coordinator.FishForMessage(m => m is ReportChunkDone, Wait)).WorkId);
        Assert.Equal(5, assignments.Count);
        Assert.Equal(("w4", 1, 4), (declined.WorkId, declined.Attempt, declined.Running));
        Assert.Equal(["w0", "w1", "w2", "w3"], done.Order());
        Assert.Equal(2, Volatile.Read(ref _mostRunning));
        // Unacknowledged outcomes are sent again with the next check-in; an acknowledged one is not.
        foreach (var id in new[] { "w0", "w2", "w3" }) coordinator.Send(worker, new WorkResultAck(id, 1));
        var after = coordinator.ReceiveWhile(TimeSpan.FromSeconds(1.5), m => m);
        // From the second check-in on, the worker has surely handled the acknowledgement (the first may predate it).
        var settled = after.SkipWhile(m => m is not WorkerCheckIn).Skip(1).SkipWhile(m => m is not WorkerCheckIn).ToList();
        var resent = settled.OfType<ReportChunkDone>().Select(d => d.WorkId).Distinct().ToList();
        Assert.Equal(["w1"], resent);
        var checkIn = settled.OfType<WorkerCheckIn>().First();
        Assert.Equal((4, 2), (checkIn.Capacity, checkIn.Slots));
    }

    /// <summary>A 6 s 360p clip split into three chunks, a worker with two slots, and one full-ladder item per chunk (w0, w1, w2).</summary>
    private async Task<(TestMedia Media, IReadOnlyList<Rung> Rungs, Akka.TestKit.TestProbe Coordinator, IActorRef Worker, List<WorkAssignment> Assignments)> ThreeChunkLadderAsync()
    {
        var media = await TestMedia.SplitClipAsync(seconds: 6, width: 640, height: 360);
        var rungs = LadderPolicy.Default.For(640, 360, 25, false);
        var coordinator = CreateTestProbe();
        var worker = Sys.ActorOf(TranscodeWorker.PropsFor(coordinator.Ref, TranscodeSettings.From(Sys), ObservedRunner()));
        var assignments = media.Chunks.Select(c => new WorkAssignment($"w{c.Index}", "clip", 1, null,
            ChunkEncodePayload.For(new ChunkLadderEncode(c, rungs, 0, rungs.Select(r => media.Output(r.Name, c.Index)).ToList()), 640, 360))).ToList();
        return (media, rungs, coordinator, worker, assignments);
    }

    [Fact]
    public async Task A_cancelled_item_must_be_dropped_from_the_queue_and_its_running_ffmpeg_stopped()
    {
        var (media, rungs, coordinator, worker, assignments) = await ThreeChunkLadderAsync();
        using var _ = media;

        coordinator.Send(worker, new AssignWork(assignments)); // w0, w1 run; w2 waits
        // The worker's graph starts them asynchronously: cancel once both slots run ffmpeg (w2 then surely waits).
        await AwaitAssertAsync(() => Assert.Equal(2, _commandLines.Count(c => c.Value.Contains("libx264"))), Wait);
        coordinator.Send(worker, new CancelWork("w2"));
        coordinator.Send(worker, new CancelWork("w0"));

        var failed = (ReportWorkFailed)coordinator.FishForMessage(m => m is ReportWorkFailed, Wait);
        Assert.Equal(("w0", "cancelled"), (failed.WorkId, failed.Error));
        var w1 = (ReportChunkDone)coordinator.FishForMessage(m => m is ReportChunkDone d && d.WorkId == "w1", Wait);
        Assert.Equal(rungs.Count, w1.Results.Count);
        var later = coordinator.ReceiveWhile(TimeSpan.FromSeconds(2), m => m);
        Assert.DoesNotContain(later, m => m is ReportChunkDone { WorkId: "w2" } or ReportWorkFailed { WorkId: "w2" });
        Assert.All(rungs, r => Assert.False(File.Exists(media.Output(r.Name, 0)), "no output of the cancelled encode"));
        Assert.All(rungs, r => Assert.False(File.Exists(media.Output(r.Name, 2)), "the dropped item was never encoded"));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(media.Folder, "out"), "*.part", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_worker_that_stops_must_kill_its_running_ffmpeg_and_start_none_of_the_items_it_held()
    {
        var (media, rungs, coordinator, worker, assignments) = await ThreeChunkLadderAsync();
        using var _ = media;
        coordinator.Send(worker, new AssignWork(assignments)); // w0, w1 run; w2 waits
        await AwaitAssertAsync(() => Assert.Equal(2, _commandLines.Count(c => c.Value.Contains("libx264"))), Wait);

        Watch(worker);
        Sys.Stop(worker);
        ExpectTerminated(worker);

        await AwaitAssertAsync(() => Assert.Equal(0, Volatile.Read(ref _running)), TimeSpan.FromSeconds(10));
        Assert.Equal(3, assignments.Count);
        Assert.Equal(2, _commandLines.Count(c => c.Value.Contains("libx264"))); // the waiting item never started
        Assert.All(assignments.SelectMany(a => a.Work().OutputPaths), o => Assert.False(File.Exists(o), $"{o} written by a stopped worker"));
    }

    [Fact]
    public async Task A_chunk_ffmpeg_cannot_read_must_end_failed_with_ffmpegs_message_after_max_attempts()
    {
        using var media = await TestMedia.SplitClipAsync(seconds: 2, width: 320, height: 240);
        var rung = LadderPolicy.Default.For(320, 240, 25, false)[0];
        var good = EncodePayload.For(media.Chunks[0], rung, 0, media.Output(rung.Name, 0));
        var corrupt = EncodePayload.For(media.CorruptChunk(), rung, 0, media.Output(rung.Name, 1));
        var subscriber = CreateTestProbe();
        var (coordinator, _) = StartQueue();

        Assert.IsType<WorkAck>(await coordinator.Ask<object>(SubmitWork.For("bad", "title", 2, corrupt, subscriber.Ref), Wait));
        Assert.IsType<WorkAck>(await coordinator.Ask<object>(SubmitWork.For("good", "title", 2, good, subscriber.Ref), Wait));

        var failure = (WorkFailure)subscriber.FishForMessage(m => m is WorkFailure, Wait);
        var final = (BatchProgress)subscriber.FishForMessage(m => m is BatchProgress p && p.IsFinished(), Wait);
        Assert.Equal(("bad", "title", 2), (failure.WorkId, failure.BatchId, failure.Attempts));
        Assert.StartsWith("ffmpeg failed with exit code", failure.Error);
        Assert.Contains(corrupt.Chunk.Path, failure.Error); // ffmpeg names the input it could not read
        Assert.Equal(new BatchProgress("title", 1, 2, 1), final);
        var status = Assert.IsType<BatchStatus>(await coordinator.Ask<object>(new GetBatchStatus("title"), Wait));
        var bad = status.Items.Single(i => i.WorkId == "bad");
        Assert.Equal((WorkStatus.Failed, 2, 2, failure.Error), (bad.Status, bad.Attempt, bad.Failures, bad.LastError));
        Assert.False(File.Exists(corrupt.OutputPath));
        Assert.Equal(WorkStatus.Completed, status.Items.Single(i => i.WorkId == "good").Status);
    }
    [Fact]
    public async Task A_hung_encode_must_be_killed_at_its_timeout_and_fail_after_max_attempts_like_any_ffmpeg_failure()
    {
        using var media = await TestMedia.SplitClipAsync(seconds: 2, width: 320, height: 240);
        var rung = LadderPolicy.Default.For(320, 240, 25, false)[0];
        // ffmpeg opening a FIFO nobody writes blocks for ever: a real hung encode.
        var fifo = Path.Combine(media.Folder, "never-written.mp4");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [fifo])) await mkfifo.WaitForExitAsync();
        var hung = EncodePayload.For(media.Chunks[0] with { Path = fifo }, rung, 0, media.Output(rung.Name, 0));
        // 2 s chunk: 0.5 × 2 s + 1 s = 2 s per attempt.
        var settings = TranscodeSettings.From(Sys) with { EncodeTimeoutFactor = 0.5, EncodeTimeoutFloor = TimeSpan.FromSeconds(1) };
        var coordinator = Sys.ActorOf(TranscodeCoordinator.PropsFor(settings, EntitySettings.From(Sys), SystemClock.Instance));
        Sys.ActorOf(TranscodeWorker.PropsFor(coordinator, settings, ObservedRunner()));
        var subscriber = CreateTestProbe();

        Assert.IsType<WorkAck>(await coordinator.Ask<object>(SubmitWork.For("hung", "title", 1, hung, subscriber.Ref), Wait));

        var failure = (WorkFailure)subscriber.FishForMessage(m => m is WorkFailure, Wait);
        Assert.Equal(("hung", 2), (failure.WorkId, failure.Attempts));
        Assert.Contains("did not finish the 2 s chunk within 2 s", failure.Error);
        Assert.Equal(2, _commandLines.Count(c => c.Value.Contains(fifo))); // one ffmpeg per attempt...
        await AwaitAssertAsync(() => Assert.Equal(0, Volatile.Read(ref _running)), TimeSpan.FromSeconds(10)); // ...none left running
        Assert.All(_commandLines.Keys, pid => Assert.False(Directory.Exists($"/proc/{pid}") && File.ReadAllText($"/proc/{pid}/cmdline").Contains(fifo)));
        Assert.False(File.Exists(hung.OutputPath));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(media.Folder, "out"), "*.part", SearchOption.AllDirectories));
    }
}
