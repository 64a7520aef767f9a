using MediaPlatform.Actors.Billing;
using MediaPlatform.Node.Hosting;
using MediaPlatform.Specs.MultiNode;
using MediaPlatform.Specs.Support.MultiNode;
using Xunit.Abstractions;

namespace MediaPlatform.Specs.Sharding;

/// <summary>
/// A node dies without leaving (its actor system stops; the others only see it go silent). The split-brain resolver
/// downs it, its shards are allocated to the survivors, and its entities start there from the shared journal with
/// everything they had persisted.
/// </summary>
[Collection(MultiNodeCollection.Name)]
public sealed class CrashedNodeEntitySpecs(ITestOutputHelper output)
{
    private const int Accounts = 45;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task Entities_of_a_crashed_node_must_be_recreated_on_the_survivors_with_their_persisted_state()
    {
        await using var cluster = await FullNodeCluster.StartAsync("crashed-node", 3, output);
        var (survivor, victim) = (cluster[0], cluster[2]);
        var client = new BillingAccountsClient(survivor.Registered<EntityRegions.BillingAccounts>());
        var ids = Enumerable.Range(0, Accounts).Select(i => $"acct-{i:D3}").ToArray();
        await client.OpenAsync(ids, Deadline);
        foreach (var id in ids) await client.PurchaseOrThrowAsync(id, $"title-{id}", $"order-{id}", Deadline);

        var onVictim = (await ShardingProbe.LiveEntitiesAsync(victim.Registered<EntityRegions.BillingAccounts>())).Order().ToList();
        Assert.NotEmpty(onVictim);
        var stateBefore = new Dictionary<string, BillingAccountView>();
        foreach (var id in onVictim) stateBefore[id] = await client.AccountAsync(id, Deadline);
        cluster.Note($"{Accounts} accounts with an order each; {onVictim.Count} of them live on {victim.Address.Port}, which crashes now");

        var crashedAt = cluster.Elapsed;
        await victim.CrashAsync();
        var survivors = ClusterHarness.Sorted(cluster.Live.Select(n => n.Address));
        var removed = await Eventually.AwaitAssertAsync(() =>
        {
            foreach (var node in cluster.Live)
            {
                Assert.Equal(survivors, ClusterHarness.UpMembersSeenBy(node.System));
                Assert.Empty(ClusterHarness.UnreachableSeenBy(node.System));
            }
            return Task.CompletedTask;
        }, Deadline);
        cluster.Report($"crashed node downed and removed {removed.TotalSeconds:0.0} s after the crash");

        foreach (var id in onVictim)
        {
            Assert.Equal(stateBefore[id], await client.AccountAsync(id, Deadline));
            var invoice = Assert.Single((await client.InvoicesAsync(id, Deadline)).Invoices);
            Assert.Equal($"title-{id}", invoice.Reference);
        }
        var recovered = cluster.Elapsed - crashedAt;
        var liveOnSurvivors = new HashSet<string>();
        foreach (var node in cluster.Live)
            liveOnSurvivors.UnionWith(await ShardingProbe.LiveEntitiesAsync(node.Registered<EntityRegions.BillingAccounts>()));
        Assert.Subset(liveOnSurvivors, onVictim.ToHashSet());
        cluster.Report($"all {onVictim.Count} entities answered from the survivors with their state intact " +
                     $"{recovered.TotalSeconds:0.0} s after the crash");
    }
}
