using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.Event;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Parties;
using Microsoft.AspNetCore.SignalR;

namespace MediaPlatform.Node.Api.Parties;

/// <summary>
/// Bridges one party's pub-sub topic to this node's SignalR group of that party: each view is pushed once, in version
/// order, and an older or repeated one is dropped. Pub-sub is at-most-once and a new subscription reaches other nodes
/// only with the next gossip (~1 s), so the watcher also asks the party itself — right after subscribing and again
/// once two pub-sub gossip rounds have spread the subscription (what changed before it was known was published to
/// nobody here), whenever a version is skipped, and every <c>media-platform.parties.watcher-reask-interval</c> — and
/// pushes what it missed.
/// </summary>
public sealed class PartyWatcher : ReceiveActor, IWithTimers
{
    private sealed class Resync
    {
        public static readonly Resync Instance = new();
    }

    private readonly string _partyId;
    private readonly IActorRef _mediator;
    private readonly IActorRef _parties;
    private readonly IHubContext<PartyHub> _hub;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private long _pushed;

    public PartyWatcher(string partyId, IActorRef mediator, IActorRef parties, IHubContext<PartyHub> hub, TimeSpan reaskEvery)
    {
        (_partyId, _mediator, _parties, _hub) = (partyId, mediator, parties, hub);
        Receive<SubscribeAck>(_ =>
        {
            Self.Tell(Resync.Instance);
            Timers.StartSingleTimer("subscription-spread", Resync.Instance, SubscriptionSpreadTime(Context.System));
            Timers.StartPeriodicTimer("resync", Resync.Instance, reaskEvery);
        });
        Receive<Resync>(_ => _parties.Ask<object>(new SyncParty(_partyId), TimeSpan.FromSeconds(5)).PipeTo(Self,
            failure: e => new Status.Failure(e)));
        ReceiveAsync<PartyUpdated>(u => PushAsync(u.View));
        ReceiveAsync<PartyView>(PushAsync);
        Receive<Rejection>(r => _log.Debug("party {0} could not be synced: {1}", _partyId, r.Message));
        Receive<Status.Failure>(f => _log.Debug("party {0} did not answer a sync: {1}", _partyId, f.Cause.Message));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props PropsFor(string partyId, IActorRef mediator, IActorRef parties, IHubContext<PartyHub> hub, TimeSpan reaskEvery) =>
        Props.Create(() => new PartyWatcher(partyId, mediator, parties, hub, reaskEvery));

    /// <summary>Two pub-sub gossip rounds: by then every node's mediator knows this node subscribed.</summary>
    private static TimeSpan SubscriptionSpreadTime(ActorSystem system) =>
        system.Settings.Config.GetTimeSpan("akka.cluster.pub-sub.gossip-interval", TimeSpan.FromSeconds(1), allowInfinite: false) * 2;

    protected override void PreStart() => _mediator.Tell(new Subscribe(PartyTopics.For(_partyId), Self));

    protected override void PostStop() => _mediator.Tell(new Unsubscribe(PartyTopics.For(_partyId), Self));

    private async Task PushAsync(PartyView view)
    {
        if (view.Version <= _pushed) return;
        // A skipped version was lost on the way (pub-sub drops on a failover): fetch the party now, not at the next tick.
        if (_pushed > 0 && view.Version > _pushed + 1) Self.Tell(Resync.Instance);
        _pushed = view.Version;
        await _hub.Clients.Group(PartyHub.GroupOf(_partyId)).SendAsync(PartyHub.StateMethod, view);
    }
}
