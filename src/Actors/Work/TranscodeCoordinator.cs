using Akka.Actor;
using Akka.Cluster;
using Akka.Event;
using Akka.Persistence;
using MediaPlatform.Actors.Entities;

namespace MediaPlatform.Actors.Work;

/// <summary>
/// The cluster-wide transcode work queue, a cluster singleton. <see cref="WorkQueueState"/> decides; this actor stores
/// the decisions and then acts on them: it sends assignments to workers with free slots, tells batch owners about
/// progress, and watches for lost work — a worker that stops or whose node is downed/removed, and work no worker has
/// reported for <c>work-timeout</c> (the reaper, every <c>reap-interval</c>) — which goes back to the queue.
/// Workers are not stored: they check in every few seconds, so a new incarnation after failover knows them again
/// within one interval, and work they still run is not reaped before they had that chance.
/// </summary>
public sealed class TranscodeCoordinator : EventSourcedEntity<WorkQueueState, ITranscodeCommand, IWorkEvent>, IWithTimers
{
    public const string Name = "transcode-coordinator";
    /// <summary>How often the final <see cref="BatchProgress"/> of an unacknowledged batch is sent (per incarnation).</summary>
    private const int FinalNoticeSends = 3;

    private readonly TranscodeSettings _settings;
    // Events of each decision being persisted, in order: OnEventsPersisted takes the oldest to act on.
    private readonly Queue<IReadOnlyList<IWorkEvent>> _persisting = new();
    private readonly Dictionary<string, IActorRef> _workers = new();
    private readonly Dictionary<string, DateTimeOffset> _lastSeen = new();
    private readonly Dictionary<string, double> _progress = new();
    private readonly Dictionary<string, int> _finalNotices = new();
    private WorkerRoster _roster = WorkerRoster.Empty;
    private DateTimeOffset _startedAt;
    private bool _clustered;

    public TranscodeCoordinator(TranscodeSettings settings, EntitySettings entitySettings, IClock clock)
        : base(Name, WorkQueueState.Empty, entitySettings, clock)
    {
        _settings = settings;
        Recover<RecoveryCompleted>(_ => OnRecovered());
        Command<WorkerCheckIn>(OnCheckIn);
        Command<ReportWorkDone>(r =>
        {
            _roster = _roster.Reported(r.WorkerId, r.Running, Clock.Now);
            Execute(Sender, State.Complete(r.WorkId, r.Attempt, r.WorkerId, r.Result, Clock.Now));
            DispatchAll();
        });
        Command<ReportWorkFailed>(r =>
        {
            _roster = _roster.Reported(r.WorkerId, r.Running, Clock.Now);
            Execute(Sender, State.Fail(r.WorkId, r.Attempt, r.WorkerId, r.Error, _settings.MaxAttempts, Clock.Now));
            DispatchAll();
        });
        Command<DeclineWork>(d =>
        {
            _roster = _roster.Reported(d.WorkerId, d.Running, Clock.Now);
            Execute(ActorRefs.Nobody, State.Decline(d.WorkId, d.Attempt, d.WorkerId, Clock.Now));
        });
        Command<Terminated>(t => OnWorkerStopped(t.ActorRef));
        Command<ClusterEvent.CurrentClusterState>(OnClusterState);
        Command<ClusterEvent.MemberDowned>(m => OnNodeLost(m.Member.Address, "downed"));
        Command<ClusterEvent.MemberRemoved>(m => OnNodeLost(m.Member.Address, "removed"));
        Command<ReapTick>(_ =>
        {
            DropSilentWorkers();
            Execute(ActorRefs.Nobody, Reap(State, Clock.Now));
            SendFinalNotices();
            DispatchAll();
        });
    }

    public ITimerScheduler? Timers { get; set; }

    public static Props PropsFor(TranscodeSettings settings, EntitySettings entitySettings, IClock clock) =>
        Props.Create(() => new TranscodeCoordinator(settings, entitySettings, clock));

    protected override Decision<IWorkEvent> Decide(WorkQueueState state, ITranscodeCommand command, DateTimeOffset now)
    {
        var decision = command switch
        {
            SubmitWork c => state.Submit(c, now),
            GetBatchStatus c => state.StatusOf(c.BatchId, Progress) is { } status
                ? Entities.Decide.Reply<IWorkEvent>(status)
                : Entities.Decide.Reject<IWorkEvent>(Rejection.NotFound($"no batch '{c.BatchId}' (never submitted, or finished and acknowledged)")),
            GetQueueStatus => Entities.Decide.Reply<IWorkEvent>(state.Queue(_roster, now)),
            ReapStaleWork => Reap(state, now),
            AcknowledgeBatch c => state.Acknowledge(c.BatchId, now),
            _ => Entities.Decide.Reject<IWorkEvent>(Rejection.Invalid($"unknown transcode command {command.GetType().Name}")),
        };
        Track(decision);
        return decision;
    }

    protected override void PostStop()
    {
        if (_clustered) Cluster.Get(Context.System).Unsubscribe(Self);
        base.PostStop();
    }

    private void OnRecovered()
    {
        _startedAt = Clock.Now;
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
        var now = Clock.Now;
        if (!_workers.TryGetValue(c.WorkerId, out var known) || !known.Equals(Sender))
        {
            _workers[c.WorkerId] = Sender;
            Context.Watch(Sender);
            Sender.Tell(new WorkerRegistered(c.WorkerId));
            Log.Info("worker {0} registered: {1} concurrent jobs, running {2}", c.WorkerId, c.Capacity, c.Running.Count);
        }
        _roster = _roster.CheckedIn(c, now);
        foreach (var running in c.Running)
        {
            if (State.Items.GetValueOrDefault(running.WorkId) is not { Status: WorkStatus.InFlight } item || item.Worker != c.WorkerId) continue;
            _lastSeen[running.WorkId] = now;
            _progress[running.WorkId] = running.Progress;
        }
        DispatchAll();
    }

    private void OnWorkerStopped(IActorRef worker)
    {
        foreach (var id in _workers.Where(w => w.Value.Equals(worker)).Select(w => w.Key).ToList())
        {
            _workers.Remove(id);
            _roster = _roster.Without(id);
            Log.Warning("worker {0} stopped; its work goes back to the queue", id);
            Execute(ActorRefs.Nobody, State.Requeue(State.InFlightOnWorker(id), $"worker {id} stopped", Clock.Now));
        }
    }

    /// <summary>A worker silent past the timeout gets no new work; it is registered again when it checks in.</summary>
    private void DropSilentWorkers()
    {
        foreach (var id in _roster.SilentSince(Clock.Now - _settings.WorkTimeout))
        {
            if (_workers.Remove(id, out var worker)) Context.Unwatch(worker);
            _roster = _roster.Without(id);
            Log.Warning("worker {0} has not checked in for {1}; no more work for it until it does", id, _settings.WorkTimeout);
        }
    }

    private void OnNodeLost(Address address, string how)
    {
        var node = address.ToString();
        foreach (var id in _roster.OnNode(node))
        {
            if (_workers.Remove(id, out var worker)) Context.Unwatch(worker);
            _roster = _roster.Without(id);
        }
        var lost = State.InFlightOnNode(node);
        if (lost.Count > 0) Log.Warning("node {0} was {1}: {2} work item(s) in flight there go back to the queue", node, how, lost.Count);
        Execute(ActorRefs.Nobody, State.Requeue(lost, $"node {node} was {how}", Clock.Now));
    }

    private void OnClusterState(ClusterEvent.CurrentClusterState cluster)
    {
        var members = cluster.Members.Where(m => m.Status != MemberStatus.Down && m.Status != MemberStatus.Removed)
            .Select(m => m.Address.ToString()).ToHashSet();
        var lost = State.InFlightOffNodes(members);
        if (lost.Count > 0) Log.Warning("{0} work item(s) were in flight on nodes no longer in the cluster; re-queued", lost.Count);
        Execute(ActorRefs.Nobody, State.Requeue(lost, "its node left the cluster before this coordinator started", Clock.Now));
    }

    private Decision<IWorkEvent> Reap(WorkQueueState state, DateTimeOffset now) =>
        state.Requeue(state.StaleWork(id => _lastSeen.TryGetValue(id, out var seen) ? seen : null, _startedAt, now, _settings.WorkTimeout),
            $"no word from its worker for {_settings.WorkTimeout.TotalSeconds:0.#} s", now);

    /// <summary>Hands pending work to workers with free slots, unless a decision is still being stored (it would be stale).</summary>
    private void DispatchAll()
    {
        if (_persisting.Count > 0 || State.Pending.Count == 0) return;
        var demand = _roster.Demand(State, Clock.Now - _settings.WorkTimeout);
        if (demand.Count > 0) Execute(ActorRefs.Nobody, State.Dispatch(demand, Clock.Now));
    }

    private void Execute(IActorRef replyTo, Decision<IWorkEvent> decision)
    {
        Track(decision);
        ExecuteFor(replyTo, decision);
    }

    private void Track(Decision<IWorkEvent> decision)
    {
        if (decision is Decision<IWorkEvent>.Accepted { Events.Count: > 0 } accepted) _persisting.Enqueue(accepted.Events);
    }

    protected override void OnEventsPersisted()
    {
        var now = Clock.Now;
        var assignments = new Dictionary<string, List<WorkAssignment>>();
        foreach (var e in _persisting.Dequeue())
        {
            switch (e)
            {
                case WorkStarted s when State.Items.GetValueOrDefault(s.WorkId) is { } item:
                    _lastSeen[s.WorkId] = now;
                    (assignments.TryGetValue(s.Worker, out var list) ? list : assignments[s.Worker] = [])
                        .Add(new WorkAssignment(s.WorkId, item.BatchId, s.Attempt, item.Payload));
                    break;
                case WorkCompleted c when State.Items.GetValueOrDefault(c.WorkId) is { } item:
                    Forget(c.WorkId);
                    Notify(item.BatchId, new WorkDone(c.WorkId, item.BatchId, c.Result.ToResult()));
                    Log.Info("work {0} completed by {1} (attempt {2}, {3:0.0} s){4}", c.WorkId, c.Worker, c.Attempt,
                        c.Result.Elapsed.TotalSeconds, BatchText(item.BatchId));
                    NotifyProgress(item.BatchId);
                    break;
                case WorkFailed { WillRetry: true } f:
                    Forget(f.WorkId);
                    Log.Warning("work {0} attempt {1} failed, retrying: {2}", f.WorkId, f.Attempt, f.Error);
                    break;
                case WorkFailed f when State.Items.GetValueOrDefault(f.WorkId) is { } item:
                    Forget(f.WorkId);
                    Log.Error("work {0} failed after {1} attempt(s): {2}{3}", f.WorkId, item.Failures, f.Error, BatchText(item.BatchId));
                    Notify(item.BatchId, new WorkFailure(f.WorkId, item.BatchId, f.Error, item.Failures));
                    NotifyProgress(item.BatchId);
                    break;
                case WorkRequeued r:
                    Forget(r.WorkId);
                    Log.Info("work {0} re-queued: {1}", r.WorkId, r.Reason);
                    break;
                case BatchAcknowledged b:
                    _finalNotices.Remove(b.BatchId);
                    break;
            }
        }
        foreach (var (worker, list) in assignments)
        {
            if (_workers.TryGetValue(worker, out var target)) target.Tell(new AssignWork(list));
            // else: the worker stopped after this dispatch was decided; the reaper re-queues its work.
        }
        DispatchAll();
    }

    private void Forget(string workId)
    {
        _lastSeen.Remove(workId);
        _progress.Remove(workId);
    }

    private double? Progress(string workId) => _progress.TryGetValue(workId, out var p) ? p : null;

    private string BatchText(string batchId) =>
        State.Batches.GetValueOrDefault(batchId) is { } b ? $" [batch {batchId}: {b.Done} done, {b.Failed} failed of {b.Size}]" : "";

    private void NotifyProgress(string batchId)
    {
        if (State.Batches.GetValueOrDefault(batchId) is not { } batch) return;
        Notify(batchId, batch.Progress());
        if (batch.FinishedAt is null) return;
        _finalNotices[batchId] = 1;
        Log.Info("batch {0} finished: {1} done, {2} failed of {3}", batchId, batch.Done, batch.Failed, batch.Size);
    }

    /// <summary>Repeats the final progress of finished, unacknowledged batches a few times: the first may have been lost.</summary>
    private void SendFinalNotices()
    {
        foreach (var batch in State.Batches.Values.Where(b => b.FinishedAt is not null && b.Subscriber is not null))
        {
            var sent = _finalNotices.GetValueOrDefault(batch.BatchId);
            if (sent >= FinalNoticeSends) continue;
            _finalNotices[batch.BatchId] = sent + 1;
            Notify(batch.BatchId, batch.Progress());
        }
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
