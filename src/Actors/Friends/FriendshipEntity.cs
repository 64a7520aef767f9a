using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Event;
using MediaPlatform.Actors.Entities;

namespace MediaPlatform.Actors.Friends;

/// <summary>
/// The single writer of one pair's relationship (rules in <see cref="FriendshipState"/>); delivers each change to both
/// users' <see cref="FriendListEntity"/> at least once. Why both sides converge whatever dies: docs/architecture.md#friends.
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
