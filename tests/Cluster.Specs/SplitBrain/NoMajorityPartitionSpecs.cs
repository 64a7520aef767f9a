using MediaPlatform.Node.Hosting;
using MediaPlatform.Specs.MultiNode;
using MediaPlatform.Specs.Support.MultiNode;
using Xunit.Abstractions;
using static MediaPlatform.Specs.Support.MultiNode.ClusterHarness;

using MediaPlatform.Testing.Nodes;

namespace MediaPlatform.Specs.SplitBrain;

/// <summary>
/// Keep-majority when no side has a majority. Each node's resolver compares the members it can reach with those it
/// cannot: more reachable → down the unreachable; fewer → down itself; exactly as many → the side holding the lowest
/// address (host, then port: here the lowest port) stays and the other downs itself
/// (Akka.Cluster.SBR.KeepMajority.MajorityDecision).
/// </summary>
/// <remarks>Nodes run with stable-after = 3 s (<see cref="MultiNodeConfig"/>) instead of akka.hocon's 7 s: the
/// decisions are the same, they only come sooner.</remarks>
[Collection(MultiNodeCollection.Name)]
public sealed class NoMajorityPartitionSpecs(ITestOutputHelper output)
{
    private const int Accounts = 30;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    /// <summary>
    /// A,B | C,D | E at once. A and B reach 2 and miss 3, as do C and D; E reaches 1 and misses 4. Every side is
    /// smaller than what it cannot reach, so every side downs itself: no node survives. (Keep-majority prefers no
    /// cluster to two clusters; it never compares the sides with each other, which it cannot see.)
    /// </summary>
    [Fact]
    public async Task A_2_2_1_partition_must_down_every_side_because_none_has_a_majority()
    {
        await using var cluster = await FullNodeCluster.StartAsync("split-2-2-1", 5, output);
        List<NodeActorHost>[] sides = [[cluster[0], cluster[1]], [cluster[2], cluster[3]], [cluster[4]]];
        await using var watch = OwnershipWatch.Start(cluster.Nodes);
        var splitAt = cluster.Elapsed;
        await PartitionAsync(sides);
        cluster.Note($"partitioned {string.Join(" | ", sides.Select(Ports))}");

        var stopped = await Task.WhenAll(cluster.Nodes.Select(async n =>
        {
            await n.System.WhenTerminated.WaitAsync(Deadline);
            return (n.Address.Port, after: cluster.Elapsed - splitAt);
        }));
        cluster.Report($"every actor system terminated: {string.Join(", ", stopped.Select(s => $"{s.Port} after {s.after.TotalSeconds:0.0} s"))}");
        cluster.Report($"survivors: none; ownership samples {watch.Samples}, violations {watch.Violations.Count}");
        Assert.Empty(watch.Violations);
    }

    /// <summary>
    /// The odd member E goes first (cut off alone: 4 reachable against 1, the four down it), then the four split 2|2.
    /// Both halves reach 2 and miss 2, so the half holding the lowest address of the four survives. The halves are
    /// chosen so that this is not the seed's (the oldest, hosting the singletons) unless it has the lowest port.
    /// </summary>
    [Fact]
    public async Task A_2_2_partition_after_the_odd_member_is_gone_must_keep_the_half_with_the_lowest_address()
    {
        await using var cluster = await FullNodeCluster.StartAsync("split-2-2", 5, output);
        var odd = cluster[4];
        var four = cluster.Nodes.Take(4).ToList();
        var writer = new BillingAccountsClient(cluster[0].Registered<EntityRegions.BillingAccounts>());
        var ids = Enumerable.Range(0, Accounts).Select(i => $"acct-{i:D3}").ToArray();
        await writer.OpenAsync(ids, Deadline);
        await using var watch = OwnershipWatch.Start(cluster.Nodes);

        var isolatedAt = cluster.Elapsed;
        await ClusterLinks.PartitionAsync([odd.System], four.Select(n => n.System));
        await AwaitMembersAsync(four, Deadline);
        await odd.System.WhenTerminated.WaitAsync(Deadline);
        cluster.Report($"odd member {odd.Address.Port} downed by the other four and stopped {(cluster.Elapsed - isolatedAt).TotalSeconds:0.0} s after it was cut off");

        // Lowest and highest port together, the middle two together: which half has the lowest address is then
        // independent of which node is the seed.
        var byPort = four.OrderBy(n => n.Address.Port).ToList();
        var (keep, down) = (new List<NodeActorHost> { byPort[0], byPort[3] }, new List<NodeActorHost> { byPort[1], byPort[2] });
        var splitAt = cluster.Elapsed;
        await PartitionAsync([keep, down]);
        cluster.Note($"partitioned {Ports(keep)} | {Ports(down)}; lowest address {byPort[0].Address.Port}, so {Ports(keep)} must survive");

        await AwaitMembersAsync(keep, Deadline);
        var decidedAfter = cluster.Elapsed - splitAt;
        await Task.WhenAll(down.Select(n => n.System.WhenTerminated)).WaitAsync(Deadline);
        cluster.Report($"{Ports(keep)} downed {Ports(down)} after {decidedAfter.TotalSeconds:0.0} s; " +
                     $"{Ports(down)} terminated after {(cluster.Elapsed - splitAt).TotalSeconds:0.0} s");

        await Eventually.AwaitAssertAsync(async () =>
        {
            foreach (var name in OwnershipWatch.Singletons)
                Assert.Contains(Assert.Single(await SingletonProbe.HostsAsync(cluster.Nodes, name)), keep);
        }, Deadline);
        var after = OrderLoad.Start("after", [new BillingAccountsClient(keep[0].Registered<EntityRegions.BillingAccounts>())], ids, concurrency: 8, perAccount: 1);
        await after.Completion;
        var tally = await after.TallyAsync(new BillingAccountsClient(keep[1].Registered<EntityRegions.BillingAccounts>()));
        cluster.Report($"survivors {Ports(keep)} serve every account {(cluster.Elapsed - splitAt).TotalSeconds:0.0} s after the split: {tally}");
        cluster.Report($"ownership samples {watch.Samples} ({watch.IncompleteSamples} incomplete), violations {watch.Violations.Count}" +
                     string.Concat(watch.Violations.Take(5).Select(v => "; " + v)));

        Assert.False(keep.Any(n => n.IsTerminated), "a node of the half with the lowest address stopped");
        Assert.Equal(Accounts, tally.Acked);
        Assert.Empty(tally.Lost);
        Assert.Empty(tally.Duplicated);
        Assert.Empty(watch.Violations);
    }

    /// <summary>Waits until each of these nodes sees exactly these members, all Up and reachable.</summary>
    private static Task AwaitMembersAsync(IReadOnlyList<NodeActorHost> nodes, TimeSpan timeout)
    {
        var expected = Sorted(nodes.Select(n => n.Address));
        return Eventually.AwaitAssertAsync(() =>
        {
            foreach (var node in nodes)
            {
                if (node.IsTerminated) throw new NodeExitedException($"node {node.Address.Port}", null, ["its actor system terminated"]);
                Assert.Equal(expected, UpMembersSeenBy(node.System));
                Assert.Equal(expected, Sorted(Akka.Cluster.Cluster.Get(node.System).State.Members.Select(m => m.Address)));
            }
            return Task.CompletedTask;
        }, timeout);
    }

    private static Task PartitionAsync(IReadOnlyList<List<NodeActorHost>> sides) =>
        Task.WhenAll(sides.SelectMany((side, i) => sides.Skip(i + 1)
            .Select(other => ClusterLinks.PartitionAsync(side.Select(n => n.System), other.Select(n => n.System)))));

    private static string Ports(IEnumerable<NodeActorHost> nodes) => string.Join(",", nodes.Select(n => n.Address.Port));
}
