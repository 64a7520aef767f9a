using MediaPlatform.Actors.Billing;
using MediaPlatform.Node.Hosting;
using MediaPlatform.Specs.MultiNode;
using MediaPlatform.Specs.Support.MultiNode;
using Xunit.Abstractions;

namespace MediaPlatform.Specs.Sharding;

/// <summary>
/// Two full nodes host billing accounts spread over their shards; a third node joins and the coordinator moves shards
/// to it. The accounts of the moved shards start again on the newcomer from the shared journal, state unchanged.
/// </summary>
[Collection(MultiNodeCollection.Name)]
public sealed class ShardRebalanceSpecs(ITestOutputHelper output)
{
    private const int Accounts = 60;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(45);

    // The coordinator looks for imbalance every rebalance-interval: 10 s in akka.hocon, 2 s here so the spec waits
    // seconds rather than tens of seconds. The allocation strategy and its per-round limits are the production ones.
    private const string Overrides = "akka.cluster.sharding.rebalance-interval = 2s";

    [Fact]
    public async Task A_joining_node_must_be_given_shards_and_the_moved_entities_must_keep_their_persisted_state()
    {
        await using var cluster = await FullNodeCluster.StartAsync("rebalance", 2, output, Overrides);
        var region = cluster[0].Registered<EntityRegions.BillingAccounts>();
        var client = new BillingAccountsClient(region);
        var ids = Enumerable.Range(0, Accounts).Select(i => $"acct-{i:D3}").ToArray();
        await client.OpenAsync(ids, Deadline);
        foreach (var id in ids) await client.PurchaseOrThrowAsync(id, $"title-{id}", $"order-{id}", Deadline);
        var stateBefore = new Dictionary<string, BillingAccountView>();
        foreach (var id in ids) stateBefore[id] = await client.AccountAsync(id, Deadline);

        var before = await ShardingProbe.ShardsByNodeAsync(region);
        Assert.All(cluster.Nodes, n => Assert.NotEmpty(before[n.Address]));
        var entitiesByShard = new Dictionary<string, IReadOnlySet<string>>();
        foreach (var node in cluster.Nodes)
            foreach (var (shard, entities) in await ShardingProbe.LocalShardsAsync(node.Registered<EntityRegions.BillingAccounts>()))
                entitiesByShard[shard] = entities;
        cluster.Note($"{Accounts} accounts with an order each; before the join {ShardingProbe.Describe(before)}");

        var startedAt = cluster.Elapsed;
        var newcomer = (await cluster.AddNodesAsync(1))[0];
        cluster.Note($"third node {newcomer.Address.Port} Up and its region registered {(cluster.Elapsed - startedAt).TotalSeconds:0.0} s after it started");

        IReadOnlySet<string> moved = new HashSet<string>();
        await Eventually.AwaitAssertAsync(async () =>
        {
            var now = await ShardingProbe.ShardsByNodeAsync(region);
            moved = now.TryGetValue(newcomer.Address, out var shards) ? shards : new HashSet<string>();
            Assert.True(moved.Count > 0, $"waiting for shards on the newcomer: {ShardingProbe.Describe(now)}");
        }, Deadline);
        var after = await ShardingProbe.ShardsByNodeAsync(region);
        cluster.Report($"first shards on the newcomer {(cluster.Elapsed - startedAt).TotalSeconds:0.0} s after it started; now {ShardingProbe.Describe(after)}");

        // Nothing new was allocated meanwhile: everything the newcomer hosts was moved from the first two nodes.
        Assert.Subset(entitiesByShard.Keys.ToHashSet(), moved.ToHashSet());
        var movedEntities = moved.SelectMany(s => entitiesByShard[s]).Order().ToList();
        Assert.NotEmpty(movedEntities);
        foreach (var id in movedEntities)
        {
            Assert.Equal(stateBefore[id], await client.AccountAsync(id, Deadline));
            var invoice = Assert.Single((await client.InvoicesAsync(id, Deadline)).Invoices);
            Assert.Equal($"title-{id}", invoice.Reference);
        }
        var onNewcomer = await ShardingProbe.LiveEntitiesAsync(newcomer.Registered<EntityRegions.BillingAccounts>());
        Assert.Subset(onNewcomer.ToHashSet(), movedEntities.ToHashSet());
        cluster.Report($"{movedEntities.Count} entities of {moved.Count} moved shards answer from the newcomer with their state intact");
    }
}
