using Akka.Actor;
using Akka.Event;
using MediaPlatform.Streams.Encoding;
using MediaPlatform.Streams.Quality.Chunks;

namespace MediaPlatform.Actors.Work;

/// <summary>
/// A node's transcode worker. It checks in with the coordinator (through the singleton proxy) every
/// <c>check-in-interval</c> — which registers it with whichever coordinator is current, also after failover — and
/// runs what it is assigned: at most <c>max-concurrent-encodes</c> ffmpeg at once, each in a numbered slot, and up to
/// <c>look-ahead</c> items per slot queued behind them, so a slot that finishes starts its next encode at once instead
/// of waiting a round trip to the coordinator. An assignment beyond that is declined, so back-pressure holds even when
/// the coordinator's count lags. An item is a chunk encoded to every rung of its ladder by one ffmpeg (one decode);
/// an item of the old one-rung shape is a ladder of one. Each encode is an async ffmpeg run piped back to the actor,
/// which never blocks. An attempt writes private files renamed onto the outputs only after the encoder verified every
/// frame, so an output path never holds a half-written chunk even when two attempts of one item overlap. Outcomes
/// (with when and in which slot the encode ran) are resent with every check-in until the coordinator acknowledges them.
/// </summary>
public sealed class TranscodeWorker : ReceiveActor, IWithTimers
{
    public const string Name = "transcode-worker";
    private const int UnacknowledgedKept = 10_000;

    private readonly IActorRef _coordinator;
    private readonly TranscodeSettings _settings;
    private readonly ChunkEncoder _encoder;
    private readonly Dictionary<string, RunningEncode> _running = new();
    // Assigned but waiting for a slot, oldest first.
    private readonly LinkedList<WorkAssignment> _queued = new();
    // Slot numbers not running an encode; a slot's encodes never overlap, which is what the timeline draws.
    private readonly SortedSet<int> _freeSlots;
    // Outcomes not yet acknowledged, by work id (a newer attempt's outcome replaces an older one).
    private readonly Dictionary<string, IWorkerMessage> _unacknowledged = new();
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private string _workerId = "";
    private string _node = "";

    public TranscodeWorker(IActorRef coordinator, TranscodeSettings settings, FfmpegRunner runner)
    {
        _coordinator = coordinator;
        _settings = settings;
        _encoder = new ChunkEncoder(new EncoderSettings(settings.Preset, settings.ThreadsPerEncode), runner);
        _freeSlots = new SortedSet<int>(Enumerable.Range(0, settings.MaxConcurrentEncodes));
        Receive<AssignWork>(a => { foreach (var assignment in a.Assignments) OnAssigned(assignment); });
        Receive<EncodeEnded>(OnEncodeEnded);
        Receive<WorkResultAck>(OnAcknowledged);
        Receive<CancelWork>(OnCancel);
        Receive<WorkerRegistered>(_ => _log.Info("registered with the transcode coordinator at {0}", Sender.Path));
        Receive<CheckInTick>(_ => CheckIn());
    }

    public ITimerScheduler? Timers { get; set; }

    /// <summary>Items held: running and queued.</summary>
    private int Holding => _running.Count + _queued.Count;

    public static Props PropsFor(IActorRef coordinator, TranscodeSettings settings, FfmpegRunner runner) =>
        Props.Create(() => new TranscodeWorker(coordinator, settings, runner));

    protected override void PreStart()
    {
        _workerId = ActorRefText.Of(Self);
        _node = ((ExtendedActorSystem)Context.System).Provider.DefaultAddress.ToString();
        _log.Info("transcode worker {0}: {1} concurrent encode(s), {2} ffmpeg thread(s) each, {3} queued per slot, preset {4}",
            _workerId, _settings.MaxConcurrentEncodes, _settings.ThreadsPerEncode, _settings.LookAhead, _settings.Preset);
        Timers!.StartPeriodicTimer("check-in", CheckInTick.Instance, _settings.CheckInInterval);
        CheckIn();
    }

    protected override void PostStop()
    {
        // The node is going away: no ffmpeg of ours outlives it (the coordinator re-queues the work).
        foreach (var encode in _running.Values) encode.Cancel.Cancel();
    }

    private void CheckIn()
    {
        // Queued items are listed too (progress 0): the coordinator must not reap work waiting here for a slot.
        var running = _running.Values.Select(j => new RunningWork(j.Assignment.WorkId, j.Assignment.Attempt, j.Progress))
            .Concat(_queued.Select(q => new RunningWork(q.WorkId, q.Attempt, 0))).ToList();
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
        if (_running.ContainsKey(assignment.WorkId)) return; // an earlier attempt runs here; its result completes the work
        if (_queued.FirstOrDefault(q => q.WorkId == assignment.WorkId) is { } waiting)
        {
            _queued.Find(waiting)!.Value = assignment; // the newer attempt is the one the coordinator expects
            return;
        }
        if (Holding >= _settings.WorkerCapacity)
        {
            _log.Warning("declining {0}: all {1} slots and their queue are busy", assignment.WorkId, _settings.MaxConcurrentEncodes);
            _coordinator.Tell(new DeclineWork(_workerId, assignment.WorkId, assignment.Attempt, Holding));
            return;
        }
        _queued.AddLast(assignment);
        StartQueued();
    }

    /// <summary>Starts queued items while a slot is free.</summary>
    private void StartQueued()
    {
        while (_freeSlots.Count > 0 && _queued.First is { } next)
        {
            _queued.RemoveFirst();
            var assignment = next.Value;
            var slot = _freeSlots.Min;
            _freeSlots.Remove(slot);
            var encode = new RunningEncode(assignment, slot, DateTimeOffset.UtcNow);
            _running[assignment.WorkId] = encode;
            var work = assignment.Work();
            _log.Info("encoding {0}: chunk {1} to {2}, attempt {3}, slot {4} ({5})", assignment.WorkId, work.Chunk.Index,
                string.Join(",", work.Rungs.Select(r => r.Name)), assignment.Attempt, slot,
                $"{_running.Count} of {_settings.MaxConcurrentEncodes} slots busy, {_queued.Count} queued");
            EncodeAsync(_encoder, encode).PipeTo(Self);
        }
    }

    private void OnEncodeEnded(EncodeEnded ended)
    {
        var workId = ended.Assignment.WorkId;
        EncodeSpan? span = null;
        if (_running.Remove(workId, out var encode))
        {
            _freeSlots.Add(encode.Slot);
            span = new EncodeSpan(workId, ended.Assignment.BatchId, ended.Assignment.Attempt, _workerId, _node, encode.Slot,
                encode.StartedAt, DateTimeOffset.UtcNow, ended.Results is not null);
            encode.Dispose();
        }
        StartQueued(); // the next encode first: the report can travel while it runs
        IWorkerMessage outcome = ended.Results is { } results
            ? new ReportChunkDone(_workerId, workId, ended.Assignment.Attempt, results, Holding, span, ended.Qc)
            : new ReportWorkFailed(_workerId, workId, ended.Assignment.Attempt, ended.Error ?? "unknown error", Holding, span);
        if (ended.Results is null) _log.Warning("{0} attempt {1} failed: {2}", workId, ended.Assignment.Attempt, ended.Error);
        _unacknowledged[workId] = outcome;
        if (_unacknowledged.Count > UnacknowledgedKept) _unacknowledged.Remove(_unacknowledged.Keys.First());
        _coordinator.Tell(outcome);
    }

    /// <summary>The work's batch was cancelled: a queued item is dropped, a running ffmpeg killed (its failure is reported and ignored).</summary>
    private void OnCancel(CancelWork cancel)
    {
        if (_queued.FirstOrDefault(q => q.WorkId == cancel.WorkId) is { } waiting)
        {
            _queued.Remove(waiting);
            _log.Info("dropped queued {0}: its batch was cancelled", cancel.WorkId);
        }
        if (_running.TryGetValue(cancel.WorkId, out var encode))
        {
            _log.Info("stopping {0}: its batch was cancelled", cancel.WorkId);
            encode.Cancel.Cancel();
        }
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

    /// <summary>Runs off the actor: touches only its arguments, and always ends in a message (never a faulted task).</summary>
    private static async Task<EncodeEnded> EncodeAsync(ChunkEncoder encoder, RunningEncode encode)
    {
        var assignment = encode.Assignment;
        var work = assignment.Work();
        var suffix = $".{assignment.Attempt}-{Guid.NewGuid():N}.part";
        var parts = work.OutputPaths.Select(p => p + suffix).ToList();
        try
        {
            var outcome = await encoder.EncodeLadderAsync(work.ToEncode(parts), p => encode.Progress = p, encode.Cancel.Token);
            for (var i = 0; i < parts.Count; i++) File.Move(parts[i], work.OutputPaths[i], overwrite: true);
            return new EncodeEnded(assignment, outcome.Encodes.Select((r, i) => r with { OutputPath = work.OutputPaths[i] }).ToList(), null, outcome.Qc);
        }
        catch (Exception e)
        {
            foreach (var part in parts) TryDelete(part);
            return new EncodeEnded(assignment, null, Describe(e));
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
    private sealed record EncodeEnded(WorkAssignment Assignment, IReadOnlyList<ChunkEncodeResult>? Results, string? Error,
        ChunkPictureQc? Qc = null) : INoSerializationVerificationNeeded;

    private sealed record CheckInTick : INoSerializationVerificationNeeded
    {
        public static readonly CheckInTick Instance = new();
    }
}
