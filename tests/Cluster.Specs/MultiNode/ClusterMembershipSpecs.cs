using System.Diagnostics;
using Akka.Cluster;
using MediaPlatform.Specs.Support.MultiNode;
using Xunit.Abstractions;
using static MediaPlatform.Specs.Support.MultiNode.ClusterHarness;

namespace MediaPlatform.Specs.MultiNode;

/// <summary>Three nodes over real loopback remoting: formation, graceful leave, and a blackholed node downed by SBR.</summary>
[Collection(MultiNodeCollection.Name)]
public sealed class ClusterMembershipSpecs : Akka.TestKit.Xunit2.TestKit, IAsyncLifetime
{
    private static readonly TimeSpan FormTimeout = TimeSpan.FromSeconds(45);
    private static readonly TimeSpan DownTimeout = TimeSpan.FromSeconds(45);
    private readonly ITestOutputHelper _output;
    private readonly ClusterHarness _cluster;
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public ClusterMembershipSpecs(ITestOutputHelper output) : base(MultiNodeConfig.Create(), MultiNodeConfig.SystemName, output)
    {
        _output = output;
        _cluster = new ClusterHarness(Sys, 3);
    }

    public async Task InitializeAsync()
    {
        _cluster.JoinAll();
        var all = Sorted(_cluster.Nodes.Select(AddressOf));
        await AwaitAssertAsync(() =>
        {
            foreach (var node in _cluster.Nodes) Assert.Equal(all, UpMembersSeenBy(node));
        }, FormTimeout, TimeSpan.FromMilliseconds(250));
        Note($"3 nodes Up on every node");
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task A_node_that_leaves_gracefully_must_be_removed_and_its_system_stop()
    {
        var (a, b, c) = (_cluster[0], _cluster[1], _cluster[2]);
        Cluster.Get(c).Leave(AddressOf(c));

        await c.WhenTerminated.WaitAsync(DownTimeout);
        Note("leaving node's actor system terminated");
        var survivors = Sorted([AddressOf(a), AddressOf(b)]);
        await AwaitAssertAsync(() =>
        {
            Assert.Equal(survivors, UpMembersSeenBy(a));
            Assert.Equal(survivors, UpMembersSeenBy(b));
            Assert.DoesNotContain(Cluster.Get(a).State.Members, m => m.Address == AddressOf(c));
        }, DownTimeout, TimeSpan.FromMilliseconds(250));
        Note("survivors see 2 Up, the leaver gone");
    }

    [Fact]
    public async Task A_blackholed_node_must_be_downed_by_the_majority_which_stays_up()
    {
        var (a, b, c) = (_cluster[0], _cluster[1], _cluster[2]);
        await _cluster.BlackholeAsync(a, c);
        await _cluster.BlackholeAsync(b, c);
        Note("c blackholed from a and b");

        await AwaitAssertAsync(() =>
        {
            Assert.Contains(AddressOf(c).ToString(), UnreachableSeenBy(a));
            Assert.Contains(AddressOf(c).ToString(), UnreachableSeenBy(b));
        }, DownTimeout, TimeSpan.FromMilliseconds(250));
        Note("a and b see c unreachable");

        var majority = Sorted([AddressOf(a), AddressOf(b)]);
        await AwaitAssertAsync(() =>
        {
            foreach (var survivor in new[] { a, b })
            {
                Assert.Equal(majority, UpMembersSeenBy(survivor));
                Assert.DoesNotContain(Cluster.Get(survivor).State.Members, m => m.Address == AddressOf(c));
                Assert.Empty(UnreachableSeenBy(survivor));
            }
        }, DownTimeout, TimeSpan.FromMilliseconds(250));
        Note("split-brain resolver downed c; a and b Up");

        // The minority side downs itself: c's actor system shuts down rather than living on as a second cluster.
        await c.WhenTerminated.WaitAsync(DownTimeout);
        Note("c's actor system terminated");
        Assert.Equal(MemberStatus.Up, Cluster.Get(a).SelfMember.Status);
        Assert.Equal(MemberStatus.Up, Cluster.Get(b).SelfMember.Status);
    }

    private void Note(string what) => _output.WriteLine($"[{_clock.Elapsed.TotalSeconds,6:0.0}s] {what}");
}
