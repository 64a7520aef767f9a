using Akka.Actor;
using Akka.Event;
using MediaPlatform.Streams.Encoding;

namespace MediaPlatform.Actors.Work;

/// <summary>
/// A node's transcode worker. It checks in with the coordinator (through the singleton proxy) every
/// <c>check-in-interval</c> — which registers it with whichever coordinator is current, also after failover — and
/// runs what it is assigned, never more than <c>max-concurrent-encodes</c> at once (an assignment beyond that is
/// declined, so back-pressure holds even when the coordinator's count lags). Each encode is an async ffmpeg run piped
/// back to the actor, which never blocks. An attempt writes a private file renamed onto the output only after the
/// encoder verified every frame, so an output path never holds a half-written chunk even when two attempts of one
/// work item overlap. Outcomes are resent with every check-in until the coordinator acknowledges them.
/// </summary>
public sealed class TranscodeWorker : ReceiveActor, IWithTimers
{
    public const string Name = "transcode-worker";
    private const int UnacknowledgedKept = 10_000;

    private readonly IActorRef _coordinator;
    private readonly TranscodeSettings _settings;
    private readonly ChunkEncoder _encoder;
    private readonly Dictionary<string, RunningEncode> _running = new();
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
        Receive<AssignWork>(a => { foreach (var assignment in a.Assignments) OnAssigned(assignment); });
        Receive<EncodeEnded>(OnEncodeEnded);
        Receive<WorkResultAck>(OnAcknowledged);
        Receive<WorkerRegistered>(_ => _log.Info("registered with the transcode coordinator at {0}", Sender.Path));
        Receive<CheckInTick>(_ => CheckIn());
    }

    public ITimerScheduler? Timers { get; set; }

    public static Props PropsFor(IActorRef coordinator, TranscodeSettings settings, FfmpegRunner runner) =>
        Props.Create(() => new TranscodeWorker(coordinator, settings, runner));

    protected override void PreStart()
    {
        _workerId = ActorRefText.Of(Self);
        _node = ((ExtendedActorSystem)Context.System).Provider.DefaultAddress.ToString();
        _log.Info("transcode worker {0}: {1} concurrent encode(s), {2} ffmpeg thread(s) each, preset {3}",
            _workerId, _settings.MaxConcurrentEncodes, _settings.ThreadsPerEncode, _settings.Preset);
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
        var running = _running.Values.Select(j => new RunningWork(j.Assignment.WorkId, j.Assignment.Attempt, j.Progress)).ToList();
        _coordinator.Tell(new WorkerCheckIn(_workerId, _node, _settings.MaxConcurrentEncodes, running));
        foreach (var outcome in _unacknowledged.Values) _coordinator.Tell(WithRunning(outcome));
    }

    private void OnAssigned(WorkAssignment assignment)
    {
        if (_unacknowledged.TryGetValue(assignment.WorkId, out var outcome) && outcome is ReportWorkDone)
        {
            _coordinator.Tell(WithRunning(outcome)); // done already; the coordinator had not heard (e.g. it failed over)
            return;
        }
        if (_running.ContainsKey(assignment.WorkId)) return; // an earlier attempt runs here; its result completes the work
        if (_running.Count >= _settings.MaxConcurrentEncodes)
        {
            _log.Warning("declining {0}: all {1} slots busy", assignment.WorkId, _settings.MaxConcurrentEncodes);
            _coordinator.Tell(new DeclineWork(_workerId, assignment.WorkId, assignment.Attempt, _running.Count));
            return;
        }
        var encode = new RunningEncode(assignment);
        _running[assignment.WorkId] = encode;
        _log.Info("encoding {0}: chunk {1} to {2}, attempt {3} ({4} of {5} slots busy)", assignment.WorkId,
            assignment.Payload.Chunk.Index, assignment.Payload.Rung.Name, assignment.Attempt, _running.Count, _settings.MaxConcurrentEncodes);
        EncodeAsync(_encoder, encode).PipeTo(Self);
    }

    private void OnEncodeEnded(EncodeEnded ended)
    {
        var workId = ended.Assignment.WorkId;
        if (_running.Remove(workId, out var encode)) encode.Dispose();
        IWorkerMessage outcome = ended.Result is { } result
            ? new ReportWorkDone(_workerId, workId, ended.Assignment.Attempt, result, _running.Count)
            : new ReportWorkFailed(_workerId, workId, ended.Assignment.Attempt, ended.Error ?? "unknown error", _running.Count);
        if (ended.Result is null) _log.Warning("{0} attempt {1} failed: {2}", workId, ended.Assignment.Attempt, ended.Error);
        _unacknowledged[workId] = outcome;
        if (_unacknowledged.Count > UnacknowledgedKept) _unacknowledged.Remove(_unacknowledged.Keys.First());
        _coordinator.Tell(outcome);
    }

    private void OnAcknowledged(WorkResultAck ack)
    {
        if (_unacknowledged.TryGetValue(ack.WorkId, out var outcome) && AttemptOf(outcome) == ack.Attempt)
            _unacknowledged.Remove(ack.WorkId);
    }

    private IWorkerMessage WithRunning(IWorkerMessage outcome) => outcome switch
    {
        ReportWorkDone d => d with { Running = _running.Count },
        ReportWorkFailed f => f with { Running = _running.Count },
        _ => outcome,
    };

    private static int AttemptOf(IWorkerMessage outcome) => outcome switch
    {
        ReportWorkDone d => d.Attempt,
        ReportWorkFailed f => f.Attempt,
        _ => -1,
    };

    /// <summary>Runs off the actor: touches only its arguments, and always ends in a message (never a faulted task).</summary>
    private static async Task<EncodeEnded> EncodeAsync(ChunkEncoder encoder, RunningEncode encode)
    {
        var assignment = encode.Assignment;
        var output = assignment.Payload.OutputPath;
        var part = $"{output}.{assignment.Attempt}-{Guid.NewGuid():N}.part";
        try
        {
            var result = await encoder.EncodeAsync(assignment.Payload.ToRequest(part), p => encode.Progress = p, encode.Cancel.Token);
            File.Move(part, output, overwrite: true);
            return new EncodeEnded(assignment, result with { OutputPath = output }, null);
        }
        catch (Exception e)
        {
            TryDelete(part);
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
    private sealed record EncodeEnded(WorkAssignment Assignment, ChunkEncodeResult? Result, string? Error) : INoSerializationVerificationNeeded;

    private sealed record CheckInTick : INoSerializationVerificationNeeded
    {
        public static readonly CheckInTick Instance = new();
    }
}
