using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using MediaPlatform.Actors.Serialization;
using MediaPlatform.Testing.Nodes;

namespace MediaPlatform.Bench.Party;

/// <summary>A bare message for the raw pub-sub rounds: only the round's marker.</summary>
[Manifest("bench.party.raw-marker.v1")]
public sealed record RawMarker(long Marker) : IProtocolMessage;

/// <summary>
/// The anchor: the same number of receivers as the party's connections, here plain actors subscribed to one
/// DistributedPubSub topic, spread round-robin over the same nodes; a round is one publish from the node that holds
/// the party (where the party publishes from), timed until every subscriber has it.
/// </summary>
public sealed class RawFanOut
{
    public const string Topic = "party-bench-raw";
    private FanOutTimings? _round;
    private readonly IActorRef _publisher;

    private RawFanOut(IActorRef publisher) => _publisher = publisher;

    public int Subscribers { get; private set; }

    public static async Task<RawFanOut> StartAsync(InProcessNodeCluster cluster, int subscribers, int publishFrom)
    {
        var raw = new RawFanOut(DistributedPubSub.Get(cluster.System(publishFrom)).Mediator) { Subscribers = subscribers };
        var nodes = cluster.BaseAddresses.Count;
        var acks = new List<Task>();
        for (var i = 0; i < subscribers; i++)
        {
            var system = cluster.System(i % nodes);
            var acked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var index = i;
            system.ActorOf(Props.Create(() => new Subscriber(DistributedPubSub.Get(system).Mediator, m => raw.Received(m, index), acked)));
            acks.Add(acked.Task);
        }
        await Task.WhenAll(acks);
        // Each node learns of the others' subscriptions by gossip: publish until one round reaches every subscriber.
        for (var probe = -1L; ; probe--)
        {
            if (probe < -60) throw new TimeoutException("the subscriptions did not reach the publishing node");
            if ((await raw.PublishAsync(probe, TimeSpan.FromMilliseconds(500))).Missing == 0) break;
        }
        return raw;
    }

    private void Received(long marker, int index)
    {
        if (_round is { } round && round.Marker == marker) round.Received(index);
    }

    public async Task<FanOutTimings> PublishAsync(long marker, TimeSpan timeout)
    {
        var round = _round = new FanOutTimings(marker, Subscribers);
        _publisher.Tell(new Publish(Topic, new RawMarker(marker)));
        await Task.WhenAny(round.Complete, Task.Delay(timeout));
        return round;
    }

    private sealed class Subscriber : ReceiveActor
    {
        public Subscriber(IActorRef mediator, Action<long> received, TaskCompletionSource acked)
        {
            Receive<SubscribeAck>(_ => acked.TrySetResult());
            Receive<RawMarker>(m => received(m.Marker));
            mediator.Tell(new Subscribe(Topic, Self));
        }
    }
}
