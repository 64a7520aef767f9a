using MediaPlatform.Node.Hosting;
using MediaPlatform.Specs.MultiNode;
using MediaPlatform.Specs.Support.MultiNode;
using Xunit.Abstractions;
using static MediaPlatform.Specs.Support.MultiNode.ClusterHarness;

using MediaPlatform.Testing.Nodes;

namespace MediaPlatform.Specs.SplitBrain;

/// <summary>
/// Five full nodes split 3|2 by blackholing every link between the sides. The minority holds the oldest node, so
/// both singletons and the shard coordinator have to move. Keep-majority: the three down the two and go on serving
/// writes; the two down themselves and their actor systems stop. Throughout, no billing account is alive on two
/// nodes and no singleton runs twice.
/// </summary>
/// <remarks>
/// The split-brain resolver waits stable-after (7 s in akka.hocon) before deciding; these nodes run with the
/// harness's 3 s (<see cref="MultiNodeConfig"/>), which changes how long the decision takes, not what it is.
/// </remarks>
[Collection(MultiNodeCollection.Name)]
public sealed class MajorityPartitionSpecs(ITestOutputHelper output)
{
    private const int Accounts = 50;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_3_2_partition_must_keep_the_majority_serving_and_stop_the_minority_with_no_entity_or_singleton_twice()
    {
        await using var cluster = await FullNodeCluster.StartAsync("split-3-2", 5, output);
        var (minority, majority) = (cluster.Nodes.Take(2).ToList(), cluster.Nodes.Skip(2).ToList());
        foreach (var name in OwnershipWatch.Singletons)
            Assert.Equal([cluster[0]], await SingletonProbe.HostsAsync(cluster.Nodes, name)); // the oldest: in the minority
        var writer = new BillingAccountsClient(majority[0].Registered<EntityRegions.BillingAccounts>());
        var ids = Enumerable.Range(0, Accounts).Select(i => $"acct-{i:D3}").ToArray();
        await writer.OpenAsync(ids, Deadline);
        var onMinority = await LiveEntitiesAsync(minority);
        var onMajority = await LiveEntitiesAsync(majority);
        Assert.NotEmpty(onMinority);
        cluster.Note($"{Accounts} accounts open: {onMinority.Count} on the minority {Ports(minority)}, {onMajority.Count} on the majority {Ports(majority)}");

        await using var watch = OwnershipWatch.Start(cluster.Nodes);
        // Orders keep coming to the accounts the majority hosts while the partition lasts and is resolved.
        var during = OrderLoad.Start("during", [writer], onMajority.Order().ToList(), concurrency: 2, perAccount: 15, pause: TimeSpan.FromMilliseconds(50));
        var (splitAt, splitAtOnLoadClock) = (cluster.Elapsed, during.Elapsed);
        await ClusterLinks.PartitionAsync(minority.Select(n => n.System), majority.Select(n => n.System));
        cluster.Note($"partitioned {Ports(minority)} | {Ports(majority)}");

        var survivors = Sorted(majority.Select(n => n.Address));
        await Eventually.AwaitAssertAsync(() =>
        {
            foreach (var node in majority)
            {
                Assert.Equal(survivors, UpMembersSeenBy(node.System));
                Assert.Empty(UnreachableSeenBy(node.System));
            }
            return Task.CompletedTask;
        }, Deadline);
        var (downedAfter, downedAtOnLoadClock) = (cluster.Elapsed - splitAt, during.Elapsed);
        cluster.Report($"majority downed and removed the minority {downedAfter.TotalSeconds:0.0} s after the split");
        await Task.WhenAll(minority.Select(n => n.System.WhenTerminated)).WaitAsync(Deadline);
        cluster.Report($"minority actor systems terminated {(cluster.Elapsed - splitAt).TotalSeconds:0.0} s after the split");

        await Eventually.AwaitAssertAsync(async () =>
        {
            foreach (var name in OwnershipWatch.Singletons)
                Assert.Contains(Assert.Single(await SingletonProbe.HostsAsync(cluster.Nodes, name)), majority);
        }, Deadline);
        cluster.Report($"singletons running on the majority {(cluster.Elapsed - splitAt).TotalSeconds:0.0} s after the split");

        // Every account takes a new order through the majority, those whose shards were on the minority included.
        var after = OrderLoad.Start("after", [writer], ids, concurrency: 8, perAccount: 1);
        await after.Completion;
        var servedAfter = cluster.Elapsed - splitAt;
        await during.StopAsync();
        var duringTally = await during.TallyAsync(writer);
        var afterTally = await after.TallyAsync(writer);
        var whilePartitioned = during.Orders.Count(o => o.Acked && o.AnsweredAt > splitAtOnLoadClock && o.AnsweredAt < downedAtOnLoadClock);
        cluster.Report($"every account served by the majority {servedAfter.TotalSeconds:0.0} s after the split");
        cluster.Report($"orders to majority-hosted accounts from the split on: {duringTally}; {whilePartitioned} acknowledged before the minority was removed");
        cluster.Report($"orders after it: {afterTally}");
        cluster.Report($"survivors {Ports(majority)}; ownership samples {watch.Samples} ({watch.IncompleteSamples} incomplete), " +
                     $"violations {watch.Violations.Count}{string.Concat(watch.Violations.Take(5).Select(v => "; " + v))}");

        foreach (var tally in new[] { duringTally, afterTally })
        {
            Assert.Empty(tally.Failed);
            Assert.Empty(tally.Lost);
            Assert.Empty(tally.Duplicated);
            Assert.Empty(tally.Unrequested);
        }
        Assert.Equal(Accounts, afterTally.Acked);
        Assert.True(whilePartitioned > 0, "the majority acknowledged no order before the minority was downed");
        Assert.Empty(watch.Violations);
        Assert.True(watch.Samples > watch.IncompleteSamples, "the ownership watch never took a complete sample");
    }

    private static async Task<IReadOnlySet<string>> LiveEntitiesAsync(IEnumerable<NodeActorHost> nodes)
    {
        var all = new HashSet<string>();
        foreach (var node in nodes) all.UnionWith(await ShardingProbe.LiveEntitiesAsync(node.Registered<EntityRegions.BillingAccounts>()));
        return all;
    }

    private static string Ports(IEnumerable<NodeActorHost> nodes) => string.Join(",", nodes.Select(n => n.Address.Port));
}
