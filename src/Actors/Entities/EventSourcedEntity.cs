using Akka.Actor;
using Akka.Event;
using Akka.Persistence;

namespace MediaPlatform.Actors.Entities;

/// <summary>
/// The mechanical half of every entity: recover (snapshot, then events), hand each command to the pure state,
/// persist what it decided, reply only after the events are stored, snapshot every N events. Idle entities are
/// passivated by sharding (<c>passivate-idle-entity-after</c>); their state is in the journal.
/// </summary>
public abstract class EventSourcedEntity<TState, TCommand, TEvent> : ReceivePersistentActor
    where TState : class, IEntityState<TState, TEvent>
    where TCommand : class
    where TEvent : class
{
    private readonly EntitySettings _settings;

    protected EventSourcedEntity(string persistenceId, TState initial, EntitySettings settings, IClock clock)
    {
        PersistenceId = persistenceId;
        State = initial;
        _settings = settings;
        Clock = clock;

        Recover<SnapshotOffer>(offer => State = (TState)offer.Snapshot);
        Recover<TEvent>(e => State = State.Apply(e));
        Command<TCommand>(OnCommand);
        Command<SaveSnapshotSuccess>(s => DeleteSnapshots(new SnapshotSelectionCriteria(s.Metadata.SequenceNr - 1)));
        Command<SaveSnapshotFailure>(f => Log.Warning(f.Cause, "snapshot of {0} failed; recovery replays more events", PersistenceId));
        Command<DeleteSnapshotsSuccess>(_ => { });
        Command<DeleteSnapshotsFailure>(f => Log.Warning(f.Cause, "old snapshots of {0} not deleted", PersistenceId));
    }

    public override string PersistenceId { get; }

    protected TState State { get; private set; }

    protected IClock Clock { get; }

    /// <summary>The state's command handler: pure, given the current time.</summary>
    protected abstract Decision<TEvent> Decide(TState state, TCommand command, DateTimeOffset now);

    private bool CrossedSnapshotMark(int persisted) =>
        LastSequenceNr / _settings.SnapshotEvery != (LastSequenceNr - persisted) / _settings.SnapshotEvery;

    private void OnCommand(TCommand command)
    {
        Decision<TEvent> decision;
        try
        {
            decision = Decide(State, command, Clock.Now);
        }
        catch (Exception e)
        {
            // A bug in a state function must not crash the entity into a restart loop: the command is refused
            // with an internal error (HTTP 500), nothing is persisted, and the entity keeps serving.
            Log.Error(e, "{0} failed to decide {1}", PersistenceId, command.GetType().Name);
            Sender.Tell(new Rejection(RejectionKind.Internal, "internal error; the command was not applied"));
            return;
        }

        ExecuteFor(Sender, decision);
    }

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
                PersistAll(accepted.Events, e =>
                {
                    State = State.Apply(e);
                    if (--remaining > 0) return;
                    if (accepted.Reply is not NoReply) replyTo.Tell(accepted.Reply);
                    if (CrossedSnapshotMark(accepted.Events.Count)) SaveSnapshot(State);
                    OnEventsPersisted();
                });
                break;
        }
    }

    /// <summary>Called after a decision's events are stored and applied, for actors whose side effects follow the state.</summary>
    protected virtual void OnEventsPersisted()
    {
    }
}
