using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Event;
using Akka.Persistence;
using MediaPlatform.Actors.Observability;

namespace MediaPlatform.Actors.Entities;

/// <summary>
/// The mechanical half of every entity: recover (snapshot, then events), hand each command to the pure state,
/// persist what it decided, reply only after the events are stored, snapshot every N events. Idle entities are
/// passivated by sharding (<c>passivate-idle-entity-after</c>); their state is in the journal.
/// An entity that has no history and was only asked something (a query, or a command it refused) stops at once
/// instead of idling for minutes: anyone may ask for random ids (titles, emails at login), and each would otherwise
/// hold a live entity until the idle timeout.
/// </summary>
public abstract class EventSourcedEntity<TState, TCommand, TEvent> : ReceivePersistentActor
    where TState : class, IEntityState<TState, TEvent>
    where TCommand : class
    where TEvent : class
{
    private readonly EntitySettings _settings;
    private readonly string _metricsType;
    private readonly string _persistSpanName;
    // "handle {entity-type} {message}" per entity class and message type: no string built per traced message.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string, Type), string> HandleSpanNames = new();
    private readonly long _startedAt = System.Diagnostics.Stopwatch.GetTimestamp();
    private bool _stopRequested;
    // The span of the traced message being handled; a persist takes it over and stops it once the reply is sent.
    private System.Diagnostics.Activity? _handling;
    private string? _node;
    private readonly JournalWriteHealth _journalHealth;

    protected EventSourcedEntity(string persistenceId, TState initial, EntitySettings settings, IClock clock)
    {
        PersistenceId = persistenceId;
        State = initial;
        _settings = settings;
        Clock = clock;
        _metricsType = EntityTypeLabel.Of(GetType());
        _persistSpanName = "persist " + _metricsType;
        _journalHealth = JournalWriteHealth.Get(Context.System);

        Recover<SnapshotOffer>(offer => State = (TState)offer.Snapshot);
        Recover<TEvent>(e => State = State.Apply(e));
        Command<TCommand>(OnCommand);
        Command<TracedMessage>(OnTraced);
        Command<StopEmptyEntity>(_ => Context.Stop(Self));
        Command<SaveSnapshotSuccess>(s =>
        {
            DeleteSnapshots(new SnapshotSelectionCriteria(s.Metadata.SequenceNr - 1));
            if (DeletesEventsBelowSnapshot) DeleteMessages(s.Metadata.SequenceNr);
        });
        Command<DeleteMessagesSuccess>(_ => { });
        Command<DeleteMessagesFailure>(f => Log.Warning(f.Cause, "events of {0} up to {1} not deleted; the next snapshot tries again",
            PersistenceId, f.ToSequenceNr));
        Command<SaveSnapshotFailure>(f => Log.Warning(f.Cause, "snapshot of {0} failed; recovery replays more events", PersistenceId));
        Command<DeleteSnapshotsSuccess>(_ => { });
        Command<DeleteSnapshotsFailure>(f => Log.Warning(f.Cause, "old snapshots of {0} not deleted", PersistenceId));
    }

    public override string PersistenceId { get; }

    protected TState State { get; private set; }

    protected IClock Clock { get; }

    /// <summary>
    /// Retention: true for long-lived entities whose history is not the product (singletons, counters), so their
    /// journal holds at most about one snapshot interval of events: once a snapshot is stored, the events it covers
    /// are deleted. Never for titles or billing, whose events are the product and the audit trail.
    /// </summary>
    protected virtual bool DeletesEventsBelowSnapshot => false;

    /// <summary>The state's command handler: pure, given the current time.</summary>
    protected abstract Decision<TEvent> Decide(TState state, TCommand command, DateTimeOffset now);

    private bool CrossedSnapshotMark(int persisted) =>
        LastSequenceNr / _settings.SnapshotEvery != (LastSequenceNr - persisted) / _settings.SnapshotEvery;

    private void OnCommand(TCommand command)
    {
        if (TryDecide(Sender, command.GetType().Name, () => Decide(State, command, Clock.Now)) is { } decision && IsEmptyAfter(decision))
            PassivateEmpty();
    }

    /// <summary>
    /// A message sent with its sender's trace context (tracing on): handled like the bare message, inside a span
    /// "handle {entity-type} {message}" that continues the sender's trace on this node; a persist it causes is that
    /// span's child. Works the same for sharded entities and singletons.
    /// </summary>
    private void OnTraced(TracedMessage traced)
    {
        var previous = System.Diagnostics.Activity.Current;
        var name = HandleSpanNames.GetOrAdd((_metricsType, traced.Message.GetType()), static key => $"handle {key.Item1} {key.Item2.Name}");
        var span = ActivitySources.Entities.StartActivity(name, System.Diagnostics.ActivityKind.Server, traced.Context);
        if (span is not null)
        {
            _node ??= ((ExtendedActorSystem)Context.System).Provider.DefaultAddress.ToString();
            span.SetTag("entity_type", _metricsType).SetTag("akka.node", _node);
        }
        _handling = span;
        try
        {
            if (!ReceiveCommand(traced.Message)) Unhandled(traced.Message);
        }
        finally
        {
            _handling?.Stop(); // not taken over by a persist: the answer (if any) has been sent
            _handling = null;
            System.Diagnostics.Activity.Current = previous;
        }
    }

    /// <summary>
    /// Decides after an effect: an asynchronous step's result (a gateway's answer, a worker's report, a timer) came
    /// back as a message, and the decision on it takes the same guarded path as a command — decide, persist, then
    /// answer <paramref name="replyTo"/>.
    /// </summary>
    /// <param name="cause">What is being decided on, for the log.</param>
    protected void DecideAfterEffect(IActorRef replyTo, string cause, Func<Decision<TEvent>> decide) =>
        TryDecide(replyTo, cause, decide);

    /// <summary>The one guarded path: a bug in a state function refuses instead of crashing the entity.</summary>
    private Decision<TEvent>? TryDecide(IActorRef replyTo, string cause, Func<Decision<TEvent>> decide)
    {
        Decision<TEvent> decision;
        try
        {
            decision = decide();
        }
        catch (Exception e)
        {
            // A bug in a state function must not crash the entity into a restart loop: the command is refused
            // with an internal error (HTTP 500), nothing is persisted, and the entity keeps serving.
            Log.Error(e, "{0} failed to decide {1}", PersistenceId, cause);
            replyTo.Tell(new Rejection(RejectionKind.Internal, "internal error; the command was not applied"));
            return null;
        }

        OnDecided(decision);
        ExecuteFor(replyTo, decision);
        return decision;
    }

    /// <summary>Called with every decision about to be carried out, for actors that act on it once it is stored.</summary>
    protected virtual void OnDecided(Decision<TEvent> decision)
    {
    }

    /// <summary>
    /// Nothing in the journal (no event, no snapshot) and this decision stores nothing and has already answered: the
    /// entity holds nothing worth keeping in memory. A decision that answers later (<see cref="NoReply"/>) still has
    /// work in flight and keeps the entity.
    /// </summary>
    private bool IsEmptyAfter(Decision<TEvent> decision) =>
        LastSequenceNr == 0 && decision switch
        {
            Decision<TEvent>.Rejected => true,
            Decision<TEvent>.Accepted { Events.Count: 0, Reply: not NoReply } => true,
            _ => false,
        };

    /// <summary>
    /// Asks the shard to stop this entity. The stop message is a command, so a persist in progress finishes first
    /// (it stashes commands), and the shard buffers whatever arrives meanwhile and starts the entity again for it;
    /// with remember-entities the shard also forgets the entity. Only entities that live under a shard ask: a
    /// singleton or a plain child has no one to passivate it.
    /// </summary>
    private void PassivateEmpty()
    {
        if (_stopRequested || !IsShardedEntity(Self.Path)) return;
        _stopRequested = true;
        Context.Parent.Tell(new Passivate(StopEmptyEntity.Instance));
    }

    /// <summary>Sharded entities live at /system/sharding/{type}/{shard}/{entity}.</summary>
    private static bool IsShardedEntity(ActorPath path) =>
        path.Elements is ["system", "sharding", _, _, _];

    /// <summary>Carries out a decision: refuse, or persist its events and then answer <paramref name="replyTo"/>.</summary>
    protected void ExecuteFor(IActorRef replyTo, Decision<TEvent> decision)
    {
        switch (decision)
        {
            case Decision<TEvent>.Rejected rejected:
                replyTo.Tell(rejected.Rejection);
                break;
            case Decision<TEvent>.Accepted { Events.Count: 0 } accepted:
                if (accepted.Reply is not NoReply) replyTo.Tell(accepted.Reply);
                break;
            case Decision<TEvent>.Accepted accepted:
                var remaining = accepted.Events.Count;
                var writeStarted = System.Diagnostics.Stopwatch.GetTimestamp();
                var span = ActivitySources.StartDetached(ActivitySources.Persistence, _persistSpanName);
                span?.SetTag("entity_type", _metricsType).SetTag("events", accepted.Events.Count);
                var handling = _handling;
                _handling = null;
                PersistAll(accepted.Events, e =>
                {
                    State = State.Apply(e);
                    DomainEventMetrics.Stored(e);
                    if (--remaining > 0) return;
                    PersistenceMetrics.Persisted(_metricsType, accepted.Events.Count, writeStarted);
                    _journalHealth.Succeeded();
                    span?.Stop();
                    if (accepted.Reply is not NoReply) replyTo.Tell(accepted.Reply);
                    handling?.Stop();
                    if (CrossedSnapshotMark(accepted.Events.Count)) SaveSnapshot(State);
                    OnEventsPersisted();
                });
                break;
        }
    }

    protected override void PreStart()
    {
        EntityLifecycleMetrics.Started(_metricsType);
        base.PreStart();
    }

    protected override void PostStop()
    {
        EntityLifecycleMetrics.Stopped(_metricsType);
        base.PostStop();
    }

    protected override void OnReplaySuccess()
    {
        PersistenceMetrics.Recovered(_metricsType, _startedAt);
        base.OnReplaySuccess();
    }

    protected override void OnRecoveryFailure(Exception reason, object? message = null)
    {
        PersistenceMetrics.Failed(_metricsType, "recovery-failed");
        base.OnRecoveryFailure(reason, message);
    }

    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        PersistenceMetrics.Failed(_metricsType, "persist-failed");
        _journalHealth.Failed(cause); // readiness turns 503 until a write succeeds again
        base.OnPersistFailure(cause, @event, sequenceNr);
    }

    protected override void OnPersistRejected(Exception cause, object @event, long sequenceNr)
    {
        PersistenceMetrics.Failed(_metricsType, "persist-rejected");
        base.OnPersistRejected(cause, @event, sequenceNr);
    }

    /// <summary>The shard's way of stopping an entity that asked to be passivated; local only.</summary>
    private sealed class StopEmptyEntity
    {
        public static readonly StopEmptyEntity Instance = new();
    }

    /// <summary>Called after a decision's events are stored and applied, for actors whose side effects follow the state.</summary>
    protected virtual void OnEventsPersisted()
    {
    }
}
