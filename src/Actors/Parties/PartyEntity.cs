using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Tools.PublishSubscribe;
using MediaPlatform.Actors.Entities;

namespace MediaPlatform.Actors.Parties;

/// <summary>
/// One watch party, sharded by party id. Rules are in <see cref="PartyState"/>. After every stored change the party
/// publishes its new view on its pub-sub topic (<see cref="PartyTopics"/>), where each node with connections in the
/// party listens; and while nobody is connected it keeps a timer that ends the party after its idle time. Connections
/// of a node that leaves the cluster (or is gone when the party starts again elsewhere) are dropped: that node cannot
/// say goodbye for them.
/// </summary>
public sealed class PartyEntity : EventSourcedEntity<PartyState, IPartyCommand, IPartyEvent>, IWithTimers
{
    public const string PersistenceIdPrefix = "watch-party-";
    public const string TypeName = "party";
    private const string IdleTimer = "idle";
    private const string HostAwayTimer = "host-away";

    private readonly IActorRef? _mediator;
    private readonly TimeSpan _hostAwayGrace;

    /// <param name="mediator">The DistributedPubSub mediator changes are published to; null publishes nothing (tests).</param>
    /// <param name="hostAwayGrace">How long the host may have no connection open while others are here before handing over.</param>
    public PartyEntity(string partyId, IActorRef? mediator, EntitySettings settings, IClock clock, TimeSpan hostAwayGrace)
        : base(PersistenceIdPrefix + partyId, PartyState.Empty(partyId), settings, clock)
    {
        _mediator = mediator;
        _hostAwayGrace = hostAwayGrace;
        Command<ClusterEvent.MemberRemoved>(_ => DropDeadConnections());
        Command<ClusterEvent.IMemberEvent>(_ => { });
        Command<ClusterEvent.CurrentClusterState>(_ => { });
    }

    private bool InCluster => Context.System.Settings.ProviderClass.Contains("Cluster", StringComparison.Ordinal);

    protected override void PreStart()
    {
        base.PreStart();
        if (InCluster) Cluster.Get(Context.System).Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsSnapshot, typeof(ClusterEvent.MemberRemoved));
    }

    protected override void PostStop()
    {
        if (InCluster) Cluster.Get(Context.System).Unsubscribe(Self);
        base.PostStop();
    }

    private void DropDeadConnections()
    {
        if (!InCluster || !State.Exists || State.Connections.IsEmpty) return;
        var live = Cluster.Get(Context.System).State.Members.Where(m => m.Status is MemberStatus.Up or MemberStatus.Joining or MemberStatus.WeaklyUp or MemberStatus.Leaving)
            .Select(m => m.Address.ToString()).ToList();
        Self.Tell(new DropDeadConnections(State.PartyId, live));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props PropsFor(string partyId, IActorRef? mediator, EntitySettings settings, IClock clock, TimeSpan hostAwayGrace) =>
        Props.Create(() => new PartyEntity(partyId, mediator, settings, clock, hostAwayGrace));

    protected override Decision<IPartyEvent> Decide(PartyState state, IPartyCommand command, DateTimeOffset now) => state.Handle(command, now);

    protected override void OnEventsPersisted()
    {
        _mediator?.Tell(new Publish(PartyTopics.For(State.PartyId), new PartyUpdated(State.View(Clock.Now, PartyState.PushedChatLines))));
        ArmIdleTimer();
        ArmHostAwayTimer();
    }

    protected override void OnReplaySuccess()
    {
        base.OnReplaySuccess();
        ArmIdleTimer();
        ArmHostAwayTimer();
        DropDeadConnections(); // started again after a crash: the old node's connections died with it
    }

    /// <summary>Nobody connected: end the party when its idle time is up (checked again by the state when the timer fires).</summary>
    private void ArmIdleTimer()
    {
        if (State.IdleDeadline is { } deadline)
        {
            var due = deadline - Clock.Now;
            Timers.StartSingleTimer(IdleTimer, new EndPartyIfIdle(State.PartyId), due > TimeSpan.Zero ? due : TimeSpan.Zero);
        }
        else Timers.Cancel(IdleTimer);
    }

    /// <summary>The host is away while others are here: hand over when the grace is up (the state decides again then).</summary>
    private void ArmHostAwayTimer()
    {
        if (State.HostAwayDeadline(_hostAwayGrace) is { } deadline)
        {
            var due = deadline - Clock.Now;
            Timers.StartSingleTimer(HostAwayTimer, new HandOverFromAwayHost(State.PartyId, _hostAwayGrace), due > TimeSpan.Zero ? due : TimeSpan.Zero);
        }
        else Timers.Cancel(HostAwayTimer);
    }
}
