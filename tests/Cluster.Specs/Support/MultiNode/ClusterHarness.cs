using Akka.Actor;
using Akka.Cluster;
using MediaPlatform.Testing.Nodes;

namespace MediaPlatform.Specs.Support.MultiNode;

/// <summary>
/// Several actor systems in one process over real loopback remoting, so a spec reads as a script:
/// start nodes, join, partition, heal. The first node is the TestKit's own system.
/// </summary>
public sealed class ClusterHarness : IAsyncDisposable
{
    private readonly List<ActorSystem> _nodes = [];

    public ClusterHarness(ActorSystem first, int count)
    {
        _nodes.Add(first);
        for (var i = 1; i < count; i++)
            _nodes.Add(ActorSystem.Create(first.Name, first.Settings.Config));
    }

    public IReadOnlyList<ActorSystem> Nodes => _nodes;

    public ActorSystem this[int index] => _nodes[index];

    public static Address AddressOf(ActorSystem node) => Cluster.Get(node).SelfAddress;

    /// <summary>Every node joins the first one.</summary>
    public void JoinAll()
    {
        var seed = AddressOf(_nodes[0]);
        foreach (var node in _nodes) Cluster.Get(node).Join(seed);
    }

    /// <summary>Addresses this node sees as Up (and reachable, when <paramref name="reachableOnly"/>), sorted.</summary>
    public static string[] UpMembersSeenBy(ActorSystem node, bool reachableOnly = true) => reachableOnly
        ? NodeActorCluster.UpMembersSeenBy(node)
        : Sorted(Cluster.Get(node).State.Members.Where(m => m.Status == MemberStatus.Up).Select(m => m.Address));

    public static string[] UnreachableSeenBy(ActorSystem node) =>
        Sorted(Cluster.Get(node).State.Unreachable.Select(m => m.Address));

    public static string[] Sorted(IEnumerable<Address> addresses) => NodeActorCluster.Sorted(addresses);

    /// <summary>Drops every message between the two nodes, both ways (the link looks dead, the processes live).</summary>
    public Task BlackholeAsync(ActorSystem from, ActorSystem to) => ClusterLinks.BlackholeAsync(from, to);

    public Task HealAsync(ActorSystem from, ActorSystem to) => ClusterLinks.HealAsync(from, to);

    public async ValueTask DisposeAsync()
    {
        // The first system belongs to the TestKit, which shuts it down itself.
        foreach (var node in _nodes.Skip(1))
            await node.Terminate().WaitAsync(TimeSpan.FromSeconds(30)).ContinueWith(_ => { });
    }
}
