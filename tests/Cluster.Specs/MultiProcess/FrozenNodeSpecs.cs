using MediaPlatform.Node;
using Xunit.Abstractions;

namespace MediaPlatform.Specs.MultiProcess;

[Collection(MultiProcessCollection.Name)]
public sealed class FrozenNodeSpecs(ITestOutputHelper output)
{
    [Fact]
    public async Task A_frozen_node_must_be_downed_and_on_waking_exit_non_zero_instead_of_living_on()
    {
        await using var cluster = await NodeProcessCluster.StartAsync(3, new(output.WriteLine));
        await cluster.AwaitAllUpAsync(SpecTimeouts.Formation);

        var frozen = cluster.Nodes[2];
        var frozenAddress = (await frozen.GetMembersAsync()).SelfNode;
        var survivors = cluster.Nodes.Take(2).ToArray();

        frozen.Stop(); // SIGSTOP: the process lives but answers nothing, like a hung node
        var downedAfter = await NodeProcessCluster.AwaitViewAsync(survivors,
            v => !v.Has(frozenAddress) && v.CountUp == 2 && v.Unreachable.Count == 0, SpecTimeouts.Downing, "frozen node downed");
        output.WriteLine($"SIGSTOP {frozen.Name}: downed and removed after {downedAfter.TotalSeconds:0.0} s");

        frozen.Cont();
        // It learns it was downed (or quarantined) and shuts down with the "downed" exit code, so a supervisor
        // restarts it as a new incarnation; it never serves as a zombie member.
        var exitCode = await frozen.WaitForExitAsync(SpecTimeouts.GracefulExit);
        output.WriteLine($"after SIGCONT {frozen.Name} exited with {exitCode}");
        Assert.Equal(NodeCommand.ExitDowned, exitCode);
        foreach (var node in survivors) Assert.False((await node.GetMembersAsync()).Has(frozenAddress));

        cluster.MarkPassed();
    }
}
