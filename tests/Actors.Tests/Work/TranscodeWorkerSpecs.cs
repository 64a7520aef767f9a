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
        pid =>
        {
            FfmpegPriority.Lower(pid);
            try
            {
                _commandLines[pid] = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
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
    public async Task A_worker_must_run_every_job_to_a_complete_output_and_never_more_than_its_limit_at_once()
    {
        using var media = await TestMedia.SplitClipAsync(seconds: 8, width: 640, height: 360);
        var rungs = LadderPolicy.Default.For(640, 360, 25, false);
        var jobs = media.Chunks.SelectMany(c => rungs.Select(r => EncodePayload.For(c, r, 0, media.Output(r.Name, c.Index)))).ToList();
        var subscriber = CreateTestProbe();
        var (coordinator, _) = StartQueue();

        foreach (var (job, i) in jobs.Select((j, i) => (j, i)))
            Assert.IsType<WorkAck>(await coordinator.Ask<object>(SubmitWork.For($"w{i}", "clip", jobs.Count, job, subscriber.Ref), Wait));
        subscriber.FishForMessage(m => m is BatchProgress p && p.IsFinished(), Wait);

        var status = Assert.IsType<BatchStatus>(await coordinator.Ask<object>(new GetBatchStatus("clip"), Wait));
        Assert.Equal((jobs.Count, 0), (status.Done, status.Failed));
        Assert.True(jobs.Count >= 8, $"{jobs.Count} jobs");
        foreach (var job in jobs)
            Assert.Equal(job.Chunk.FrameCount, await TestMedia.FrameCountAsync(job.OutputPath));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(media.Folder, "out"), "*.part", SearchOption.AllDirectories));
        // The limit was used and never exceeded (each job runs ffmpeg, then ffprobe: one process at a time).
        Assert.Equal(2, Volatile.Read(ref _mostRunning));
        var threads = Math.Max(1, Environment.ProcessorCount / 2);
        var encodes = _commandLines.Where(c => c.Value.Contains("libx264")).ToList();
        Assert.NotEmpty(encodes);
        Assert.All(encodes, c => Assert.Contains($"-threads {threads} ", c.Value));
        // ffmpeg runs below the node's priority (the CPU bulkhead).
        var encodePriorities = _niceness.Where(n => encodes.Any(e => e.Key == n.Key)).Select(n => n.Value).ToList();
        Assert.NotEmpty(encodePriorities);
        Assert.All(encodePriorities, nice => Assert.Equal(10, nice));
    }

    [Fact]
    public async Task A_worker_must_decline_assignments_beyond_its_limit_even_when_the_coordinator_sends_them()
    {
        using var media = await TestMedia.SplitClipAsync(seconds: 6, width: 320, height: 240);
        var rung = LadderPolicy.Default.For(320, 240, 25, false)[0];
        var coordinator = CreateTestProbe(); // speaks the coordinator's side of the protocol, and oversends on purpose
        var worker = Sys.ActorOf(TranscodeWorker.PropsFor(coordinator.Ref, TranscodeSettings.From(Sys), ObservedRunner()));
        var assignments = media.Chunks.Select(c => new WorkAssignment($"w{c.Index}", "clip", 1,
            EncodePayload.For(c, rung, 0, media.Output(rung.Name, c.Index)))).ToList();

        coordinator.Send(worker, new AssignWork(assignments));

        var declined = (DeclineWork)coordinator.FishForMessage(m => m is DeclineWork, Wait);
        var done = new HashSet<string>(); // an outcome is resent with each check-in until acknowledged
        while (done.Count < 2) done.Add(((ReportWorkDone)coordinator.FishForMessage(m => m is ReportWorkDone, Wait)).WorkId);
        Assert.Equal(3, assignments.Count);
        Assert.Equal(("w2", 1, 2), (declined.WorkId, declined.Attempt, declined.Running));
        Assert.Equal(["w0", "w1"], done.Order());
        Assert.Equal(2, Volatile.Read(ref _mostRunning));
        // Unacknowledged outcomes are sent again with the next check-in; an acknowledged one is not.
        coordinator.Send(worker, new WorkResultAck("w0", 1));
        var after = coordinator.ReceiveWhile(TimeSpan.FromSeconds(1.5), m => m);
        // From the second check-in on, the worker has surely handled the acknowledgement (the first may predate it).
        var settled = after.SkipWhile(m => m is not WorkerCheckIn).Skip(1).SkipWhile(m => m is not WorkerCheckIn).ToList();
        var resent = settled.OfType<ReportWorkDone>().Select(d => d.WorkId).Distinct().ToList();
        Assert.Equal(["w1"], resent);
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
}
