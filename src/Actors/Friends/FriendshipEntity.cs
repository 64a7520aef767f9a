using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Event;
using MediaPlatform.Actors.Entities;

namespace MediaPlatform.Actors.Friends;

/// <summary>
/// The single writer of one pair's relationship, sharded by pair id; the rules are in <see cref="FriendshipState"/>.
/// This actor adds at-least-once delivery of each change to both users' <see cref="FriendListEntity"/> views.
///
/// Why both sides converge even if a node dies between the two entities' updates: the change is decided and
/// persisted here first, in one event that also records both lists as awaiting it. From then on the change is
/// never undone; it is completed. Deliveries go out after the persist and again every
/// <see cref="FriendshipSettings.RedeliverEvery"/> until each list acknowledges (lists apply a version at most once
/// and ignore older ones, so repeats and reordering are harmless). If the node dies before both acknowledgements
/// arrive, the awaiting deliveries are in this entity's journal, and the region runs with remember-entities on: the
/// shard is restarted on a surviving node, restarts this entity, recovery finds the deliveries still awaited and
/// sends them (<see cref="OnReplaySuccess"/>). Once nothing is awaited and the entity has been idle for
/// <see cref="FriendshipSettings.PassivateWhenSettledAfter"/>, it passivates itself, which also makes sharding
/// forget it, so only unfinished pairs are ever restarted.
///
/// Why not Akka.Persistence's AtLeastOnceDeliveryActor: it keeps every unconfirmed message under its own delivery
/// ids and needs its own snapshot plumbing outside the pure state; here only the newest version per user matters,
/// so the pending work is at most two entries that live in the pure state, its events and its snapshots.
/// </summary>
public sealed class FriendshipEntity : EventSourcedEntity<FriendshipState, IFriendshipCommand, IFriendshipEvent>, IWithTimers
{
    /// <summary>Persistence ids are this prefix + the entity id; journal queries (e.g. the scheduler's sweeps) match on it.</summary>
    public const string PersistenceIdPrefix = "friendship-";

    public const string TypeName = "friendship";
    private const string RedeliveryTimer = "redeliver";
    private readonly IActorRef _friendLists;
    private readonly FriendshipSettings _delivery;

    public FriendshipEntity(string pairId, IActorRef friendLists, FriendshipSettings delivery, EntitySettings settings, IClock clock)
        : base(PersistenceIdPrefix + pairId, FriendshipState.Empty(pairId), settings, clock)
    {
        _friendLists = friendLists;
        _delivery = delivery;
        Command<DeliverPending>(_ => Deliver());
        Command<ReceiveTimeout>(_ => PassivateIfSettled());
        Command<Rejection>(r => Log.Warning("{0}: a friend list refused a delivery: {1}", PersistenceId, r.Message));
        Context.SetReceiveTimeout(delivery.PassivateWhenSettledAfter);
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props PropsFor(string pairId, IActorRef friendLists, FriendshipSettings delivery, EntitySettings settings, IClock clock) =>
        Props.Create(() => new FriendshipEntity(pairId, friendLists, delivery, settings, clock));

    protected override Decision<IFriendshipEvent> Decide(FriendshipState state, IFriendshipCommand command, DateTimeOffset now)
    {
        var decision = state.Handle(command, now);
        // A change of status must reach both lists. Persist stashes every message until its handler has run, so this
        // is handled after the change is stored and applied.
        if (decision is Decision<IFriendshipEvent>.Accepted accepted && accepted.Events.Any(e => e is not FriendshipChangeDelivered))
            Self.Tell(DeliverPending.Instance);
        return decision;
    }

    protected override void OnReplaySuccess()
    {
        base.OnReplaySuccess();
        // Started again (after a crash, a hand-off or a rebalance) with deliveries still unacknowledged: finish them.
        if (!State.AwaitingAck.IsEmpty) Self.Tell(DeliverPending.Instance);
    }

    private void Deliver()
    {
        foreach (var userId in State.AwaitingAck) _friendLists.Tell(State.ChangeFor(userId), Self);
        if (State.AwaitingAck.IsEmpty) Timers.Cancel(RedeliveryTimer);
        else if (!Timers.IsTimerActive(RedeliveryTimer))
            Timers.StartPeriodicTimer(RedeliveryTimer, DeliverPending.Instance, _delivery.RedeliverEvery);
    }

    private void PassivateIfSettled()
    {
        if (!State.AwaitingAck.IsEmpty) return; // keep delivering; sharding would only restart us (remember-entities)
        Timers.Cancel(RedeliveryTimer);
        Context.Parent.Tell(new Passivate(PoisonPill.Instance));
    }

    /// <summary>Local only: send every awaited delivery (now, and on the redelivery timer).</summary>
    private sealed class DeliverPending : INotInfluenceReceiveTimeout
    {
        public static readonly DeliverPending Instance = new();
    }
}
