using Akka.Actor;
using Akka.Cluster;
using Akka.Event;
using Akka.Persistence;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Observability;

namespace MediaPlatform.Actors.Work;

/// <summary>
/// The cluster-wide transcode work queue, a singleton: <see cref="WorkQueueState"/> and <see cref="WorkerActivity"/> decide;
/// this actor stores, then assigns encodes, notifies batch owners and watches for lost work (docs/architecture.md#upload--hls).
/// </summary>
public sealed class TranscodeCoordinator : EventSourcedEntity<WorkQueueState, ITranscodeCommand, IWorkEvent>, IWithTimers
{
    public const string Name = "transcode-coordinator";

    private readonly TranscodeSettings _settings;
    // Events of each decision being persisted, in order: OnEventsPersisted takes the oldest to act on.
    private readonly Queue<IReadOnlyList<IWorkEvent>> _persisting = new();
    // The live actor of each registered worker; everything else known about workers is in _activity.
    private readonly Dictionary<string, IActorRef> _workers = new();
    private WorkerActivity _activity = WorkerActivity.Since(DateTimeOffset.MinValue);
    private EncodeTimeline _timeline = EncodeTimeline.Empty;
    // Work in flight of batches being cancelled, by batch: its workers are told to stop once the cancellation is stored.
    private readonly Dictionary<string, IReadOnlyList<(string Worker, string WorkId)>> _stopping = new();
    private bool _clustered;
    // The trace each batch's items were queued in (tracing on), handed to workers with the work: in memory only, so
    // a coordinator that moved nodes assigns untraced work. Forgotten with the batch.
    private readonly Dictionary<string, string> _traceOfBatch = new();

    public TranscodeCoordinator(TranscodeSettings settings, EntitySettings entitySettings, IClock clock)
        : base(Name, WorkQueueState.Empty, entitySettings, clock)
    {
        _settings = settings;
        Recover<RecoveryCompleted>(_ => OnRecovered());
        Command<WorkerCheckIn>(OnCheckIn);
        Command<GetEncodeTimeline>(q => Sender.Tell(new EncodeTimelineView(
            _activity.Roster.Workers.Values.Select(w => new WorkerSlots(w.WorkerId, w.Node, w.Slots, w.Cores)).ToList(),
            _timeline.Of(q.BatchId), Clock.Now)));
        Command<ReportWorkDone>(r => OnReport(r, r.WorkerId, r.Running, Sender));
        Command<ReportChunkDone>(r => OnReport(r, r.WorkerId, r.Running, Sender));
        Command<ReportWorkFailed>(r => OnReport(r, r.WorkerId, r.Running, Sender));
        Command<DeclineWork>(d => OnReport(d, d.WorkerId, d.Running, ActorRefs.Nobody));
        Command<Terminated>(t => OnWorkerStopped(t.ActorRef));
        Command<ClusterEvent.CurrentClusterState>(OnClusterState);
        Command<ClusterEvent.MemberDowned>(m => OnNodeLost(m.Member.Address, "downed"));
        Command<ClusterEvent.MemberRemoved>(m => OnNodeLost(m.Member.Address, "removed"));
        Command<ReapTick>(_ =>
        {
            DropSilentWorkers();
            DecideAfterEffect(ActorRefs.Nobody, "the periodic reap", () => State.Reap(_activity, _settings.WorkTimeout, Clock.Now));
            SendFinalNotices();
            DispatchAll();
        });
    }

    public ITimerScheduler? Timers { get; set; }

    /// <summary>
    /// Retention: a queue's history is not the product (a title's is, in its own journal), so once a snapshot is stored
    /// the events it covers are deleted. The snapshot is the whole <see cref="WorkQueueState"/> — pending work, attempts,
    /// results of batches not yet acknowledged — and acknowledged batches are forgotten, so it stays small.
    /// </summary>
    protected override bool DeletesEventsBelowSnapshot => true;

    public static Props PropsFor(TranscodeSettings settings, EntitySettings entitySettings, IClock clock) =>
        Props.Create(() => new TranscodeCoordinator(settings, entitySettings, clock));

    protected override Decision<IWorkEvent> Decide(WorkQueueState state, ITranscodeCommand command, DateTimeOffset now)
    {
        if (command is SubmitChunkWork submit && System.Diagnostics.Activity.Current is { Recorded: true, Id: { } span }
            && _traceOfBatch.Count < MaxTracedBatches)
            _traceOfBatch[submit.BatchId] = span;
        return state.Handle(command, _activity, _settings, now);
    }

    private const int MaxTracedBatches = 1000;

    protected override void OnDecided(Decision<IWorkEvent> decision)
    {
        if (decision is not Decision<IWorkEvent>.Accepted { Events.Count: > 0 } accepted) return;
        _persisting.Enqueue(accepted.Events);
        // Who runs a cancelled batch's work is known only before the cancellation is applied: told once it is stored.
        foreach (var cancelled in accepted.Events.OfType<BatchCancelled>())
            _stopping[cancelled.BatchId] = State.InFlightOfBatch(cancelled.BatchId);
    }

    protected override void PostStop()
    {
        if (_clustered) Cluster.Get(Context.System).Unsubscribe(Self);
        MediaMetrics.Queue(0, 0); // the singleton moved away: another node reports the queue now
        base.PostStop();
    }

    private void OnRecovered()
    {
        _activity = WorkerActivity.Since(Clock.Now);
        MediaMetrics.Queue(State.Pending.Count, State.InFlight().Count());
        Timers!.StartPeriodicTimer("reap", ReapTick.Instance, _settings.ReapInterval);
        _clustered = ((ExtendedActorSystem)Context.System).Provider is IClusterActorRefProvider;
        // The snapshot first: work in flight on nodes that left while no coordinator was watching is re-queued at once.
        if (_clustered)
            Cluster.Get(Context.System).Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsSnapshot,
                typeof(ClusterEvent.MemberDowned), typeof(ClusterEvent.MemberRemoved));
        Log.Info("transcode coordinator started: {0} pending, {1} in flight, {2} batches",
            State.Pending.Count, State.InFlight().Count(), State.Batches.Count);
    }

    private void OnCheckIn(WorkerCheckIn c)
    {
        if (!_workers.TryGetValue(c.WorkerId, out var known) || !known.Equals(Sender))
        {
            _workers[c.WorkerId] = Sender;
            Context.Watch(Sender);
            Sender.Tell(new WorkerRegistered(c.WorkerId));
            Log.Info("worker {0} registered: {1} encode slot(s) on {2} core(s), takes {3} item(s) at once, holds {4}", c.WorkerId,
                c.Slots, c.Cores, c.Capacity, c.Running.Count);
        }
        _activity = _activity.CheckedIn(c, State, Clock.Now);
        DispatchAll();
    }

    /// <summary>A worker's report is the result of the encode it was assigned: decided like a command, then more work goes out.</summary>
    private void OnReport(IWorkerMessage report, string workerId, int running, IActorRef replyTo)
    {
        _activity = _activity.Reported(workerId, running, Clock.Now);
        if (report is ReportWorkDone { Span: { } done }) _timeline = _timeline.Add(done);
        if (report is ReportChunkDone { Span: { } chunk }) _timeline = _timeline.Add(chunk);
        if (report is ReportWorkFailed { Span: { } failed }) _timeline = _timeline.Add(failed);
        DecideAfterEffect(replyTo, report.GetType().Name, () => State.Handle(report, _settings, Clock.Now));
        if (report is not DeclineWork) DispatchAll();
    }

    private void OnWorkerStopped(IActorRef worker)
    {
        foreach (var id in _workers.Where(w => w.Value.Equals(worker)).Select(w => w.Key).ToList())
        {
            _workers.Remove(id);
            _activity = _activity.Without(id);
            Log.Warning("worker {0} stopped; its work goes back to the queue", id);
            DecideAfterEffect(ActorRefs.Nobody, "a stopped worker",
                () => State.Requeue(State.InFlightOnWorker(id), $"worker {id} stopped", Clock.Now));
        }
    }

    /// <summary>A worker silent past the timeout gets no new work; it is registered again when it checks in.</summary>
    private void DropSilentWorkers()
    {
        foreach (var id in _activity.Roster.SilentSince(Clock.Now - _settings.WorkTimeout))
        {
            Forget(id);
            Log.Warning("worker {0} has not checked in for {1}; no more work for it until it does", id, _settings.WorkTimeout);
        }
    }

    private void OnNodeLost(Address address, string how)
    {
        var node = address.ToString();
        foreach (var id in _activity.Roster.OnNode(node)) Forget(id);
        var lost = State.InFlightOnNode(node);
        if (lost.Count > 0) Log.Warning("node {0} was {1}: {2} work item(s) in flight there go back to the queue", node, how, lost.Count);
        DecideAfterEffect(ActorRefs.Nobody, "a lost node", () => State.Requeue(lost, $"node {node} was {how}", Clock.Now));
    }

    private void Forget(string workerId)
    {
        if (_workers.Remove(workerId, out var worker)) Context.Unwatch(worker);
        _activity = _activity.Without(workerId);
    }

    private void OnClusterState(ClusterEvent.CurrentClusterState cluster)
    {
        var members = cluster.Members.Where(m => m.Status != MemberStatus.Down && m.Status != MemberStatus.Removed)
            .Select(m => m.Address.ToString()).ToHashSet();
        var lost = State.InFlightOffNodes(members);
        if (lost.Count > 0) Log.Warning("{0} work item(s) were in flight on nodes no longer in the cluster; re-queued", lost.Count);
        DecideAfterEffect(ActorRefs.Nobody, "the cluster's members",
            () => State.Requeue(lost, "its node left the cluster before this coordinator started", Clock.Now));
    }

    /// <summary>Hands pending work to workers with free slots, unless a decision is still being stored (it would be stale).</summary>
    private void DispatchAll()
    {
        if (_persisting.Count > 0 || State.Pending.Count == 0) return;
        DecideAfterEffect(ActorRefs.Nobody, "a dispatch", () => State.DispatchTo(_activity.Roster, _settings.WorkTimeout, Clock.Now));
    }

    protected override void OnEventsPersisted()
    {
        var now = Clock.Now;
        var assignments = new Dictionary<string, List<WorkAssignment>>();
        foreach (var e in _persisting.Dequeue())
        {
            _activity = _activity.After(e, State, now);
            switch (e)
            {
                case WorkStarted s when State.Items.GetValueOrDefault(s.WorkId) is { } item:
                    (assignments.TryGetValue(s.Worker, out var list) ? list : assignments[s.Worker] = [])
                        .Add(new WorkAssignment(s.WorkId, item.BatchId, s.Attempt, item.Payload, item.Chunk, _traceOfBatch.GetValueOrDefault(item.BatchId)));
                    break;
                case WorkChunkCompleted c when State.Items.GetValueOrDefault(c.WorkId) is { } item:
                    Notify(item.BatchId, new WorkChunkDone(c.WorkId, item.BatchId, c.Results.Select(r => r.ToResult()).ToList()));
                    Log.Info("work {0} completed by {1} (attempt {2}, {3} rungs, {4:0.0} s){5}", c.WorkId, c.Worker, c.Attempt, c.Results.Count,
                        c.Results.Select(r => r.Elapsed.TotalSeconds).DefaultIfEmpty(0).Max(), BatchText(item.BatchId));
                    NotifyProgress(item.BatchId);
                    break;
                case BatchAcknowledged a:
                    _traceOfBatch.Remove(a.BatchId);
                    break;
                case BatchCancelled b:
                    _traceOfBatch.Remove(b.BatchId);
                    var stop = _stopping.Remove(b.BatchId, out var running) ? running : [];
                    foreach (var (worker, workId) in stop)
                        if (_workers.TryGetValue(worker, out var target)) target.Tell(new CancelWork(workId));
                    Log.Warning("batch {0} cancelled ({1}): pending work dropped, {2} encode(s) in flight told to stop", b.BatchId, b.Reason, stop.Count);
                    NotifyProgress(b.BatchId);
                    break;
                case WorkCompleted c when State.Items.GetValueOrDefault(c.WorkId) is { } item:
                    Notify(item.BatchId, new WorkDone(c.WorkId, item.BatchId, c.Result.ToResult()));
                    Log.Info("work {0} completed by {1} (attempt {2}, {3:0.0} s){4}", c.WorkId, c.Worker, c.Attempt,
                        c.Result.Elapsed.TotalSeconds, BatchText(item.BatchId));
                    NotifyProgress(item.BatchId);
                    break;
                case WorkFailed { WillRetry: true } f:
                    Log.Warning("work {0} attempt {1} failed, retrying: {2}", f.WorkId, f.Attempt, f.Error);
                    break;
                case WorkFailed f when State.Items.GetValueOrDefault(f.WorkId) is { } item:
                    Log.Error("work {0} failed after {1} attempt(s): {2}{3}", f.WorkId, item.Failures, f.Error, BatchText(item.BatchId));
                    Notify(item.BatchId, new WorkFailure(f.WorkId, item.BatchId, f.Error, item.Failures));
                    NotifyProgress(item.BatchId);
                    break;
                case WorkRequeued r:
                    Log.Info("work {0} re-queued: {1}", r.WorkId, r.Reason);
                    break;
            }
        }
        foreach (var (worker, list) in assignments)
        {
            if (_workers.TryGetValue(worker, out var target)) target.Tell(new AssignWork(list));
            // else: the worker stopped after this dispatch was decided; the reaper re-queues its work.
        }
        MediaMetrics.Queue(State.Pending.Count, State.InFlight().Count());
        DispatchAll();
    }

    private string BatchText(string batchId) =>
        State.Batches.GetValueOrDefault(batchId) is { } b ? $" [batch {batchId}: {b.Done} done, {b.Failed} failed of {b.Size}]" : "";

    private void NotifyProgress(string batchId)
    {
        if (State.Batches.GetValueOrDefault(batchId) is not { } batch) return;
        Notify(batchId, batch.Progress());
        if (batch.FinishedAt is not null) Log.Info("batch {0} finished: {1} done, {2} failed of {3}", batchId, batch.Done, batch.Failed, batch.Size);
    }

    /// <summary>Repeats the final progress of finished, unacknowledged batches a few times: the first may have been lost.</summary>
    private void SendFinalNotices()
    {
        (_activity, var due) = _activity.FinalNoticesDue(State);
        foreach (var batchId in due) Notify(batchId, State.Batches[batchId].Progress());
    }

    private void Notify(string batchId, IWorkNotice notice)
    {
        if (State.Batches.GetValueOrDefault(batchId)?.Subscriber is { } subscriber)
            ActorRefText.Resolve(Context.System, subscriber).Tell(notice, Self);
    }

    // Local: never leaves this actor.
    private sealed record ReapTick : INoSerializationVerificationNeeded
    {
        public static readonly ReapTick Instance = new();
    }
}
