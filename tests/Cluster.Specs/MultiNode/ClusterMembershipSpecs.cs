using System.Diagnostics;
using Akka.Actor;
using Akka.Cluster;
using Akka.Configuration;
using Akka.Util;
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

    [Fact]
    public async Task A_node_of_the_next_app_version_must_join_and_every_member_must_see_both_versions()
    {
        // A rolling upgrade: one member of version N+1 among members of version N (the node sets its build's
        // version as akka.cluster.app-version; the management API's /cluster/members shows it).
        var a = _cluster[0];
        var current = Cluster.Get(a).SelfMember.AppVersion;
        var next = ActorSystem.Create(Sys.Name, ConfigurationFactory.ParseString("akka.cluster.app-version = \"99.0.0\"").WithFallback(Sys.Settings.Config));
        try
        {
            Cluster.Get(next).Join(AddressOf(a));
            var all = Sorted(_cluster.Nodes.Append(next).Select(AddressOf));
            await AwaitAssertAsync(() =>
            {
                foreach (var node in _cluster.Nodes.Append(next)) Assert.Equal(all, UpMembersSeenBy(node));
            }, FormTimeout, TimeSpan.FromMilliseconds(250));
            Note("the N+1 node is Up on every node");

            Assert.NotEqual(AppVersion.Create("99.0.0"), current);
            foreach (var node in _cluster.Nodes)
                Assert.Equal(AppVersion.Create("99.0.0"), Cluster.Get(node).State.Members.Single(m => m.Address == AddressOf(next)).AppVersion);
            Assert.All(Cluster.Get(next).State.Members.Where(m => m.Address != AddressOf(next)), m => Assert.Equal(current, m.AppVersion));
        }
        finally
        {
            await next.Terminate().WaitAsync(TimeSpan.FromSeconds(30)).ContinueWith(_ => { });
        }
    }

    private void Note(string what) => _output.WriteLine($"[{_clock.Elapsed.TotalSeconds,6:0.0}s] {what}");
}
