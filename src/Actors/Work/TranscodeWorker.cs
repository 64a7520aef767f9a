using Akka.Actor;
using Akka.Event;
using Akka.Streams;
using Akka.Streams.Dsl;
using MediaPlatform.Streams.Encoding;
using MediaPlatform.Streams.Pipeline;
using MediaPlatform.Streams.Quality.Chunks;

namespace MediaPlatform.Actors.Work;

/// <summary>
/// A node's transcode worker. The actor keeps the protocol with the coordinator (through the singleton proxy): it
/// checks in every <c>check-in-interval</c> — which registers it with whichever coordinator is current, also after
/// failover — takes assignments, cancels, and resends outcomes with every check-in until they are acknowledged. The
/// execution is an Akka.Streams graph the actor materializes: a bounded queue of assignments → <see cref="EncodeFlow"/>
/// (at most <c>max-concurrent-encodes</c> ffmpeg at once, each in a numbered slot, pulled only when a slot is free)
/// → a sink that hands every outcome back to the actor, behind a kill switch that stops the graph with the actor.
/// The actor holds up to <c>look-ahead</c> items per slot queued behind the running ones, so a slot that finishes
/// starts its next encode at once instead of waiting a round trip to the coordinator; an assignment beyond that is
/// declined, so back-pressure holds even when the coordinator's count lags. An item is a chunk encoded to every rung
/// of its ladder by one ffmpeg (one decode); an item of the old one-rung shape is a ladder of one. An attempt writes
/// private files renamed onto the outputs only after the encoder verified every frame, so an output path never holds
/// a half-written chunk even when two attempts of one item overlap.
/// </summary>
public sealed class TranscodeWorker : ReceiveActor, IWithTimers
{
    public const string Name = "transcode-worker";
    private const int UnacknowledgedKept = 10_000;

    private readonly IActorRef _coordinator;
    private readonly TranscodeSettings _settings;
    private readonly ChunkEncoder _encoder;
    // Assigned and not yet ended: waiting in the graph's queue or running in a slot.
    private readonly Dictionary<string, HeldEncode> _held = new();
    // Outcomes not yet acknowledged, by work id (a newer attempt's outcome replaces an older one).
    private readonly Dictionary<string, IWorkerMessage> _unacknowledged = new();
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private ISourceQueueWithComplete<HeldEncode>? _queue;
    private UniqueKillSwitch? _killSwitch;
    private string _workerId = "";
    private string _node = "";

    public TranscodeWorker(IActorRef coordinator, TranscodeSettings settings, FfmpegRunner runner)
    {
        _coordinator = coordinator;
        _settings = settings;
        _encoder = new ChunkEncoder(new EncoderSettings(settings.Preset, settings.ThreadsPerEncode), runner);
        Receive<AssignWork>(a => { foreach (var assignment in a.Assignments) OnAssigned(assignment); });
        Receive<EncodeStarted>(OnEncodeStarted);
        Receive<EncodeEnded>(OnEncodeEnded);
        Receive<NotQueued>(OnNotQueued);
        Receive<WorkResultAck>(OnAcknowledged);
        Receive<CancelWork>(OnCancel);
        Receive<WorkerRegistered>(_ => _log.Info("registered with the transcode coordinator at {0}", Sender.Path));
        Receive<CheckInTick>(_ => CheckIn());
    }

    public ITimerScheduler? Timers { get; set; }

    /// <summary>Items held: running and queued.</summary>
    private int Holding => _held.Count;

    public static Props PropsFor(IActorRef coordinator, TranscodeSettings settings, FfmpegRunner runner) =>
        Props.Create(() => new TranscodeWorker(coordinator, settings, runner));

    protected override void PreStart()
    {
        _workerId = ActorRefText.Of(Self);
        _node = ((ExtendedActorSystem)Context.System).Provider.DefaultAddress.ToString();
        (_queue, _killSwitch) = EncodeGraph().Run(Context.Materializer());
        _log.Info("transcode worker {0}: {1} concurrent encode(s), {2} ffmpeg thread(s) each, {3} queued per slot, preset {4}",
            _workerId, _settings.MaxConcurrentEncodes, _settings.ThreadsPerEncode, _settings.LookAhead, _settings.Preset);
        Timers!.StartPeriodicTimer("check-in", CheckInTick.Instance, _settings.CheckInInterval);
        CheckIn();
    }

    protected override void PostStop()
    {
        // The node is going away: the graph stops taking items, and no ffmpeg of ours outlives it (the coordinator
        // re-queues the work).
        _killSwitch?.Shutdown();
        foreach (var held in _held.Values) held.Cancel.Cancel();
    }

    /// <summary>
    /// Assignments in → encode stage → outcomes to the actor. The queue holds what waits for a slot; it is sized above
    /// the worker's capacity because a cancelled item stays in it (dropped unstarted when pulled) after the actor let
    /// it go. The graph's stages are the actor's children: it never outlives the worker.
    /// </summary>
    private IRunnableGraph<(ISourceQueueWithComplete<HeldEncode>, UniqueKillSwitch)> EncodeGraph()
    {
        var self = Self;
        var encoder = _encoder;
        var settings = _settings;
        return Source.Queue<HeldEncode>(_settings.WorkerCapacity * 2, OverflowStrategy.DropNew)
            .ViaMaterialized(KillSwitches.Single<HeldEncode>(), Keep.Both)
            .Via(EncodeFlow.Create<HeldEncode, EncodeEnded>(_settings.MaxConcurrentEncodes, (held, slot) => RunAsync(encoder, settings, held, slot, self)))
            .To(Sink.ForEach<EncodeEnded>(ended => self.Tell(ended)))
            .Named("transcode-worker-encodes");
    }

    private void CheckIn()
    {
        // Queued items are listed too (progress 0): the coordinator must not reap work waiting here for a slot.
        var running = _held.Values.Select(h => new RunningWork(h.WorkId, h.Assignment.Attempt, h.Progress)).ToList();
        _coordinator.Tell(new WorkerCheckIn(_workerId, _node, _settings.WorkerCapacity, running,
            _settings.MaxConcurrentEncodes, _settings.MaxConcurrentEncodes * _settings.ThreadsPerEncode));
        foreach (var outcome in _unacknowledged.Values) _coordinator.Tell(WithRunning(outcome));
    }

    private void OnAssigned(WorkAssignment assignment)
    {
        if (_unacknowledged.TryGetValue(assignment.WorkId, out var outcome) && outcome is ReportWorkDone or ReportChunkDone)
        {
            _coordinator.Tell(WithRunning(outcome)); // done already; the coordinator had not heard (e.g. it failed over)
            return;
        }
        // An earlier attempt runs here (its result completes the work), or waits (the newer attempt takes its place).
        if (_held.TryGetValue(assignment.WorkId, out var held))
        {
            held.TryReplace(assignment);
            return;
        }
        if (Holding >= _settings.WorkerCapacity)
        {
            Decline(assignment);
            return;
        }
        held = new HeldEncode(assignment);
        _held[assignment.WorkId] = held;
        var self = Self;
        _queue!.OfferAsync(held).ContinueWith(offered =>
        {
            if (!offered.IsCompletedSuccessfully || offered.Result is not QueueOfferResult.Enqueued) self.Tell(new NotQueued(held));
        }, TaskContinuationOptions.ExecuteSynchronously);
    }

    private void Decline(WorkAssignment assignment)
    {
        _log.Warning("declining {0}: all {1} slots and their queue are busy", assignment.WorkId, _settings.MaxConcurrentEncodes);
        _coordinator.Tell(new DeclineWork(_workerId, assignment.WorkId, assignment.Attempt, Holding));
    }

    /// <summary>The graph would not take it (full, or stopping): it goes back to the coordinator.</summary>
    private void OnNotQueued(NotQueued notQueued)
    {
        if (!_held.TryGetValue(notQueued.Held.WorkId, out var held) || held != notQueued.Held) return;
        _held.Remove(held.WorkId);
        held.Dispose();
        Decline(held.Assignment);
    }

    private void OnEncodeStarted(EncodeStarted started)
    {
        var work = started.Assignment.Work();
        var running = _held.Values.Count(h => h.Started);
        _log.Info("encoding {0}: chunk {1} to {2}, attempt {3}, slot {4} ({5})", started.Assignment.WorkId, work.Chunk.Index,
            string.Join(",", work.Rungs.Select(r => r.Name)), started.Assignment.Attempt, started.Slot,
            $"{running} of {_settings.MaxConcurrentEncodes} slots busy, {_held.Count - running} queued");
    }

    private void OnEncodeEnded(EncodeEnded ended)
    {
        var workId = ended.Held.WorkId;
        var current = _held.TryGetValue(workId, out var held) && held == ended.Held;
        if (ended.Assignment is not { } assignment)
        {
            // Cancelled while it waited: dropped unstarted, nothing to report.
            if (current) _held.Remove(workId);
            ended.Held.Dispose();
            return;
        }
        if (current) _held.Remove(workId);
        var span = new EncodeSpan(workId, assignment.BatchId, assignment.Attempt, _workerId, _node, ended.Held.Slot ?? 0,
            ended.Held.StartedAt, ended.EndedAt, ended.Results is not null);
        ended.Held.Dispose();
        IWorkerMessage outcome = ended.Results is { } results
            ? new ReportChunkDone(_workerId, workId, assignment.Attempt, results, Holding, span, ended.Qc)
            : new ReportWorkFailed(_workerId, workId, assignment.Attempt, ended.Error ?? "unknown error", Holding, span);
        if (ended.Results is null) _log.Warning("{0} attempt {1} failed: {2}", workId, assignment.Attempt, ended.Error);
        _unacknowledged[workId] = outcome;
        if (_unacknowledged.Count > UnacknowledgedKept) _unacknowledged.Remove(_unacknowledged.Keys.First());
        _coordinator.Tell(outcome);
    }

    /// <summary>
    /// The work's batch was cancelled: a queued item is let go at once (the graph drops it unstarted), a running
    /// ffmpeg killed (its failure is reported and ignored).
    /// </summary>
    private void OnCancel(CancelWork cancel)
    {
        if (!_held.TryGetValue(cancel.WorkId, out var held)) return;
        if (!held.Started)
        {
            _held.Remove(cancel.WorkId);
            _log.Info("dropped queued {0}: its batch was cancelled", cancel.WorkId);
        }
        else _log.Info("stopping {0}: its batch was cancelled", cancel.WorkId);
        held.Cancel.Cancel();
    }

    private void OnAcknowledged(WorkResultAck ack)
    {
        if (_unacknowledged.TryGetValue(ack.WorkId, out var outcome) && AttemptOf(outcome) == ack.Attempt)
            _unacknowledged.Remove(ack.WorkId);
    }

    private IWorkerMessage WithRunning(IWorkerMessage outcome) => outcome switch
    {
        ReportWorkDone d => d with { Running = Holding },
        ReportChunkDone d => d with { Running = Holding },
        ReportWorkFailed f => f with { Running = Holding },
        _ => outcome,
    };

    private static int AttemptOf(IWorkerMessage outcome) => outcome switch
    {
        ReportWorkDone d => d.Attempt,
        ReportChunkDone d => d.Attempt,
        ReportWorkFailed f => f.Attempt,
        _ => -1,
    };

    /// <summary>The encode stage's work for one item, in the graph: an item cancelled while it waited is dropped unstarted.</summary>
    private static async Task<EncodeEnded> RunAsync(ChunkEncoder encoder, TranscodeSettings settings, HeldEncode held, int slot, IActorRef worker)
    {
        if (held.Cancel.IsCancellationRequested) return new EncodeEnded(held, null, null, null, DateTimeOffset.UtcNow);
        var assignment = held.Start(slot, DateTimeOffset.UtcNow);
        worker.Tell(new EncodeStarted(assignment, slot));
        var (results, error, qc) = await EncodeAsync(encoder, settings, assignment, p => held.Progress = p, held.Cancel.Token);
        return new EncodeEnded(held, assignment, results, error, DateTimeOffset.UtcNow, qc);
    }

    /// <summary>Runs one assignment to its outcome; touches only its arguments, and never faults (an error is a value).</summary>
    private static async Task<(IReadOnlyList<ChunkEncodeResult>? Results, string? Error, ChunkPictureQc? Qc)> EncodeAsync(ChunkEncoder encoder,
        TranscodeSettings settings, WorkAssignment assignment, Action<double> onProgress, CancellationToken ct)
    {
        using var span = EncodeTracing.Start(assignment);
        var work = assignment.Work();
        var suffix = $".{assignment.Attempt}-{Guid.NewGuid():N}.part";
        var parts = work.OutputPaths.Select(p => p + suffix).ToList();
        var encode = work.ToEncode(parts);
        // Cancelling kills the ffmpeg (FfmpegRunner), so a hung encode frees its slot and fails like any other.
        var limit = settings.EncodeTimeoutFor(encode.Chunk.Duration);
        using var timeout = new CancellationTokenSource(limit);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            var outcome = await encoder.EncodeLadderAsync(encode, onProgress, either.Token);
            for (var i = 0; i < parts.Count; i++) File.Move(parts[i], work.OutputPaths[i], overwrite: true);
            return (outcome.Encodes.Select((r, i) => r with { OutputPath = work.OutputPaths[i] }).ToList(), null, outcome.Qc);
        }
        catch (Exception e)
        {
            foreach (var part in parts) TryDelete(part);
            return timeout.IsCancellationRequested && !ct.IsCancellationRequested
                ? (null, $"ffmpeg did not finish the {encode.Chunk.Duration.TotalSeconds:0.##} s chunk within {limit.TotalSeconds:0.##} s " +
                         "(media-platform.transcode.encode-timeout-factor × chunk seconds + encode-timeout-floor) and was killed", null)
                : (null, Describe(e), null);
        }
    }

    private static string Describe(Exception e)
    {
        while (e is AggregateException { InnerExceptions.Count: 1 } aggregate) e = aggregate.InnerExceptions[0];
        return e is OperationCanceledException ? "cancelled" : e.Message;
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    // Local messages: never leave this actor.
    private sealed record EncodeStarted(WorkAssignment Assignment, int Slot) : INoSerializationVerificationNeeded;

    /// <summary>An item's end in the graph; <see cref="Assignment"/> null when it was dropped unstarted.</summary>
    private sealed record EncodeEnded(HeldEncode Held, WorkAssignment? Assignment, IReadOnlyList<ChunkEncodeResult>? Results, string? Error,
        DateTimeOffset EndedAt, ChunkPictureQc? Qc = null) : INoSerializationVerificationNeeded;

    private sealed record NotQueued(HeldEncode Held) : INoSerializationVerificationNeeded;

    private sealed record CheckInTick : INoSerializationVerificationNeeded
    {
        public static readonly CheckInTick Instance = new();
    }
}
