using System.Diagnostics;
using Xunit.Abstractions;

namespace MediaPlatform.Specs.MultiProcess;

[Collection(MultiProcessCollection.Name)]
public sealed class GracefulLeaveSpecs(ITestOutputHelper output)
{
    [Fact]
    public async Task SIGUSR1_drains_one_node_and_after_SIGTERM_it_leaves_is_removed_and_exits_zero()
    {
        await using var cluster = await NodeProcessCluster.StartAsync(3, new(output.WriteLine));
        await cluster.AwaitAllUpAsync(SpecTimeouts.Formation);
        output.WriteLine($"formed in {cluster.SinceLaunch.Elapsed.TotalSeconds:0.0} s");

        var leaver = cluster.Nodes[1];
        var leaverAddress = (await leaver.GetMembersAsync()).SelfNode;
        var survivors = cluster.Nodes.Where(n => n != leaver).ToArray();

        // Draining (what rolling-restart and the Kubernetes preStop do first): not ready any more, still serving.
        leaver.Drain();
        await Eventually.AwaitAsync(async () => !await leaver.IsReadyAsync(), SpecTimeouts.StillServing, $"{leaver.Name} to answer 503 on /health/ready");
        leaver.EnsureRunning();
        Assert.Equal(leaverAddress, (await leaver.GetMembersAsync()).SelfNode);
        output.WriteLine($"SIGUSR1 {leaver.Name}: readiness 503, still answering");

        var clock = Stopwatch.StartNew();
        leaver.Terminate();
        var exitCode = await leaver.WaitForExitAsync(SpecTimeouts.GracefulExit);
        var exitedAfter = clock.Elapsed;
        Assert.Equal(0, exitCode);

        // A node that left is Removed, never Unreachable: nobody has to down it.
        await NodeProcessCluster.AwaitViewAsync(survivors,
            v => !v.Has(leaverAddress) && v.Members.Count == 2 && v.CountUp == 2 && v.Unreachable.Count == 0,
            SpecTimeouts.Downing, $"{leaver.Name} removed");
        output.WriteLine($"SIGTERM {leaver.Name} ({leaverAddress}): exited 0 after {exitedAfter.TotalSeconds:0.0} s, " +
                         $"gone from the survivors' member lists after {clock.Elapsed.TotalSeconds:0.0} s");

        foreach (var node in survivors)
            Assert.True(await node.IsReadyAsync(), $"{node.Name}: /health/ready is not 200");

        cluster.MarkPassed();
    }
}
