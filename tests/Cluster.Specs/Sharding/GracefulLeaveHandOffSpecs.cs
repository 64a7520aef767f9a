using MediaPlatform.Node.Hosting;
using MediaPlatform.Specs.MultiNode;
using MediaPlatform.Specs.Support.MultiNode;
using Xunit.Abstractions;

namespace MediaPlatform.Specs.Sharding;

/// <summary>
/// Clients keep placing orders (each with its own idempotency key, retried with that key when no answer comes) on
/// billing accounts spread over three nodes while one node leaves gracefully, as on SIGTERM: its shards are handed
/// off to the others mid-load. Afterwards every acknowledged order is on its account exactly once, no entity was
/// ever alive on two nodes, and orders to the accounts whose shards moved were acknowledged during the hand-off.
/// </summary>
[Collection(MultiNodeCollection.Name)]
public sealed class GracefulLeaveHandOffSpecs(ITestOutputHelper output)
{
    private const int Accounts = 150;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(45);
    private static readonly TimeSpan LoadAfterLeave = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task Orders_placed_while_a_node_leaves_must_each_be_stored_exactly_once_and_none_acknowledged_be_lost()
    {
        await using var cluster = await FullNodeCluster.StartAsync("hand-off", 3, output);
        var leaver = cluster[2];
        var clients = cluster.Nodes.Take(2).Select(n => new BillingAccountsClient(n.Registered<EntityRegions.BillingAccounts>())).ToArray();
        var ids = Enumerable.Range(0, Accounts).Select(i => $"acct-{i:D3}").ToArray();
        await clients[0].OpenAsync(ids, Deadline);
        var onLeaver = await ShardingProbe.LiveEntitiesAsync(leaver.Registered<EntityRegions.BillingAccounts>());
        Assert.NotEmpty(onLeaver);
        cluster.Note($"{Accounts} accounts open, {onLeaver.Count} of them on {leaver.Address.Port}, the node that will leave");

        await using var watch = OwnershipWatch.Start(cluster.Nodes);
        var load = OrderLoad.Start("title", clients, ids, concurrency: 6, perAccount: 19);
        await Eventually.AwaitAsync(() => Task.FromResult(load.Orders.Count >= 100), Deadline, "orders under way");
        var leaveAt = load.Elapsed;
        cluster.Note($"{load.Orders.Count} orders acknowledged; {leaver.Address.Port} leaves");
        await leaver.LeaveAsync(Deadline);
        cluster.Report($"left and terminated {(load.Elapsed - leaveAt).TotalSeconds:0.0} s after it began leaving");
        await Task.Delay(LoadAfterLeave);
        await load.StopAsync();

        var tally = await load.TallyAsync(clients[0]);
        var toMovedAccounts = load.Orders.Count(o => o.Acked && onLeaver.Contains(o.AccountId) && o.SentAt >= leaveAt);
        cluster.Report($"orders: {tally}; {toMovedAccounts} acknowledged for accounts whose shard moved, sent after the leave began; " +
                     $"ownership samples {watch.Samples} ({watch.IncompleteSamples} incomplete), violations {watch.Violations.Count}");

        Assert.Empty(tally.Failed);
        Assert.Empty(tally.Lost);
        Assert.Empty(tally.Duplicated);
        Assert.Empty(tally.Unrequested);
        Assert.Empty(watch.Violations);
        Assert.True(toMovedAccounts > 0, "no order reached an account whose shard moved: the spec proved nothing");
        Assert.True(watch.Samples > watch.IncompleteSamples, "the ownership watch never took a complete sample");

        var liveOnSurvivors = new HashSet<string>();
        foreach (var node in cluster.Live)
            liveOnSurvivors.UnionWith(await ShardingProbe.LiveEntitiesAsync(node.Registered<EntityRegions.BillingAccounts>()));
        Assert.Subset(liveOnSurvivors, onLeaver.ToHashSet());
    }
}
