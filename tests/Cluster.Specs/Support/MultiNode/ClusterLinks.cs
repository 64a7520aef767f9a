using Akka.Actor;
using Akka.Remote;
using Akka.Remote.Transport;

namespace MediaPlatform.Specs.Support.MultiNode;

/// <summary>
/// Cuts and heals the links between in-process nodes through the throttling transport adapter ("trttl", enabled by
/// <see cref="MultiNodeConfig"/>): the failure-injecting transport our multi-node specs use in place of Akka's
/// MultiNode TestKit.
/// </summary>
public static class ClusterLinks
{
    /// <summary>Drops every message between the two nodes, both ways (the link looks dead, the processes live).</summary>
    public static Task BlackholeAsync(ActorSystem from, ActorSystem to) => ThrottleAsync(from, to, Blackhole.Instance);

    /// <summary>
    /// Splits the network between two groups: every link from a node of one to a node of the other is blackholed
    /// (both directions; setting it on one end is enough). Links within each group stay up.
    /// </summary>
    public static Task PartitionAsync(IEnumerable<ActorSystem> side, IEnumerable<ActorSystem> otherSide)
    {
        var others = otherSide.ToList();
        return Task.WhenAll(side.SelectMany(a => others.Select(b => BlackholeAsync(a, b))));
    }

    public static Task HealAsync(ActorSystem from, ActorSystem to) => ThrottleAsync(from, to, Unthrottled.Instance);

    private static Task ThrottleAsync(ActorSystem from, ActorSystem to, ThrottleMode mode)
    {
        var transport = ((RemoteActorRefProvider)((ExtendedActorSystem)from).Provider).Transport;
        var address = Akka.Cluster.Cluster.Get(to).SelfAddress;
        return transport.ManagementCommand(new SetThrottle(address, ThrottleTransportAdapter.Direction.Both, mode));
    }
}
