using System.Threading.Channels;
using Akka.Actor;
using Akka.Cluster;

namespace MediaPlatform.Node.Management;

/// <summary>
/// Subscribes to cluster membership, reachability and leader events for one /cluster/events request and passes
/// them to the request through a channel. The first item is the CurrentClusterState snapshot. Stopping the actor
/// (client gone, or the node shutting down) unsubscribes and completes the channel, which ends the response.
/// </summary>
public sealed class ClusterEventForwarder(ChannelWriter<object> events) : UntypedActor
{
    public static Props Props(ChannelWriter<object> events) => Akka.Actor.Props.Create(() => new ClusterEventForwarder(events));

    protected override void PreStart() => Cluster.Get(Context.System).Subscribe(Self,
        ClusterEvent.SubscriptionInitialStateMode.InitialStateAsSnapshot,
        typeof(ClusterEvent.IMemberEvent), typeof(ClusterEvent.IReachabilityEvent), typeof(ClusterEvent.LeaderChanged));

    protected override void OnReceive(object message) => events.TryWrite(message);

    protected override void PostStop()
    {
        Cluster.Get(Context.System).Unsubscribe(Self);
        events.TryComplete();
    }
}
