using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using MediaPlatform.Actors.Entities;

namespace MediaPlatform.Actors.Parties;

/// <summary>
/// One watch party, sharded by party id. Rules are in <see cref="PartyState"/>. After every stored change the party
/// publishes its new view on its pub-sub topic (<see cref="PartyTopics"/>), where each node with connections in the
/// party listens; and while nobody is connected it keeps a timer that ends the party after its idle time.
/// </summary>
public sealed class PartyEntity : EventSourcedEntity<PartyState, IPartyCommand, IPartyEvent>, IWithTimers
{
    public const string PersistenceIdPrefix = "watch-party-";
    public const string TypeName = "party";
    private const string IdleTimer = "idle";

    private readonly IActorRef? _mediator;

    /// <param name="mediator">The DistributedPubSub mediator changes are published to; null publishes nothing (tests).</param>
    public PartyEntity(string partyId, IActorRef? mediator, EntitySettings settings, IClock clock)
        : base(PersistenceIdPrefix + partyId, PartyState.Empty(partyId), settings, clock)
    {
        _mediator = mediator;
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props PropsFor(string partyId, IActorRef? mediator, EntitySettings settings, IClock clock) =>
        Props.Create(() => new PartyEntity(partyId, mediator, settings, clock));

    protected override Decision<IPartyEvent> Decide(PartyState state, IPartyCommand command, DateTimeOffset now) => state.Handle(command, now);

    protected override void OnEventsPersisted()
    {
        _mediator?.Tell(new Publish(PartyTopics.For(State.PartyId), new PartyUpdated(State.View(Clock.Now, PartyState.PushedChatLines))));
        ArmIdleTimer();
    }

    protected override void OnReplaySuccess()
    {
        base.OnReplaySuccess();
        ArmIdleTimer();
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
}
