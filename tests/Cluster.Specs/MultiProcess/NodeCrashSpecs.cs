using Xunit.Abstractions;

namespace MediaPlatform.Specs.MultiProcess;

[Collection(MultiProcessCollection.Name)]
public sealed class NodeCrashSpecs(ITestOutputHelper output)
{
    [Fact]
    public async Task SIGKILL_of_one_node_the_majority_downs_it_and_keeps_serving()
    {
        await using var cluster = await NodeProcessCluster.StartAsync(3, new(output.WriteLine));
        await cluster.AwaitAllUpAsync(SpecTimeouts.Formation);
        output.WriteLine($"formed in {cluster.SinceLaunch.Elapsed.TotalSeconds:0.0} s");

        // Kill the leader: the survivors must also agree on a new one before anything can be downed.
        var leader = (await cluster.Nodes[0].GetMembersAsync()).Leader;
        var addresses = await AddressesAsync(cluster);
        var victim = cluster.Nodes.Single(n => addresses[n] == leader);
        var victimAddress = addresses[victim];
        var survivors = cluster.Nodes.Where(n => n != victim).ToArray();

        victim.Kill();
        var unreachableAfter = await NodeProcessCluster.AwaitViewAsync(survivors,
            v => v.Unreachable.Contains(victimAddress), SpecTimeouts.Downing, $"{victim.Name} unreachable");
        var removedAfter = unreachableAfter + await NodeProcessCluster.AwaitViewAsync(survivors,
            v => !v.Has(victimAddress) && v.Members.Count == 2 && v.CountUp == 2 && v.Unreachable.Count == 0,
            SpecTimeouts.Downing, $"{victim.Name} downed and removed");
        output.WriteLine($"SIGKILL {victim.Name} (leader {victimAddress}): unreachable after {unreachableAfter.TotalSeconds:0.0} s, " +
                         $"removed after {removedAfter.TotalSeconds:0.0} s");

        // The majority keeps serving: membership and readiness on both survivors.
        await Eventually.AwaitAssertAsync(async () =>
        {
            foreach (var node in survivors)
            {
                var view = await node.GetMembersAsync();
                Assert.Equal("Up", view.SelfStatus);
                Assert.True(await node.IsReadyAsync(), $"{node.Name}: /health/ready is not 200");
            }
        }, SpecTimeouts.StillServing);

        cluster.MarkPassed();
    }

    private static async Task<Dictionary<NodeProcess, string>> AddressesAsync(NodeProcessCluster cluster)
    {
        var result = new Dictionary<NodeProcess, string>();
        foreach (var node in cluster.Nodes) result[node] = (await node.GetMembersAsync()).SelfNode;
        return result;
    }
}
