using System.Diagnostics;
using System.Net;
using MediaPlatform.Node;
using MediaPlatform.Specs.MultiProcess;
using Xunit.Abstractions;

namespace MediaPlatform.Specs.Chaos;

/// <summary>
/// A hung node (SIGSTOP) that hosts the singletons and some billing accounts. The survivors must down it and take
/// its work over: the scheduler singleton answers with its persisted state, every account it hosted answers its
/// stored invoice and takes new orders. Woken with SIGCONT, it must not live on as a zombie: while it still runs it
/// gets requests, as from a client or load balancer that still lists it, and what it acknowledges must be what the
/// cluster keeps, and it must not answer from its stale copies; it must exit with the "downed" code; restarted on
/// the same ports it must rejoin as a new incarnation that answers every read like the others.
/// </summary>
[Collection(MultiProcessCollection.Name)]
public sealed class HungNodeSpecs(ITestOutputHelper output)
{
    private static readonly TimeSpan SurvivorWrite = TimeSpan.FromSeconds(60);
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    [Fact]
    public async Task A_frozen_node_must_be_downed_its_work_taken_over_and_after_SIGCONT_exit_without_serving_as_a_zombie_and_rejoin_as_a_new_incarnation()
    {
        await using var scenario = await FrozenHostScenario.StartAsync("hung", output, Note);
        var (cluster, frozen) = (scenario.Cluster, scenario.Frozen);
        var probed = scenario.Hosted.Keys.First();
        var staleInvoices = (await scenario.Api(frozen).SendAsync(HttpMethod.Get, probed.Invoices, probed.Token)).Expect(HttpStatusCode.OK).Body;

        var downedAfter = await scenario.FreezeUntilDownedAsync();
        Note($"SIGSTOP {frozen.Name}: downed and removed after {downedAfter.TotalSeconds:0.0} s");
        var takeoverAfter = await scenario.AwaitTakeoverAsync();
        Note($"taken over {takeoverAfter.TotalSeconds:0.0} s after the removal: the scheduler answers (still paused) from " +
             $"{string.Join(", ", scenario.Survivors.Select(s => s.Name))}, all {scenario.HostedShards.Count} shards run there, " +
             $"the {scenario.Hosted.Count} accounts answer their invoices and take new orders");

        frozen.Cont();
        var woken = Stopwatch.StartNew();
        var probe = new WokenNodeProbe(frozen, probed, staleInvoices);
        var probing = probe.RunAsync();
        var exitCode = await frozen.WaitForExitAsync(SpecTimeouts.GracefulExit);
        await probing;
        Note($"SIGCONT {frozen.Name}: exited with {exitCode} {woken.Elapsed.TotalSeconds:0.0} s later; {probe}");
        Assert.Equal(NodeCommand.ExitDowned, exitCode);
        foreach (var node in scenario.Survivors) Assert.False((await node.GetMembersAsync()).Has(scenario.FrozenAddress));

        // One more order through a survivor: its entity then writes after the woken node did, and recovers what the
        // journal holds if that write collides, so a write that is merely not yet visible is not counted as lost.
        var survivor = scenario.Api(scenario.Survivors[0]);
        await Eventually.AwaitAssertAsync(async () =>
            (await survivor.SendAsync(HttpMethod.Post, probed.Orders, probed.Token, new { titleId = "after-waking" }, "after-waking"))
            .Expect(HttpStatusCode.Created), SurvivorWrite);

        await cluster.RestartAsync(frozen);
        var rejoinedAfter = await cluster.AwaitAllUpAsync(SpecTimeouts.Formation);
        var newUid = (await frozen.GetMembersAsync()).Members.Single(m => m.Node == scenario.FrozenAddress).NodeUid;
        Assert.NotEqual(scenario.FrozenUid, newUid);
        foreach (var account in scenario.Hosted.Keys) await AssertAnswersAlikeAsync(scenario, account);
        Note($"restarted on the same ports: Up as a new incarnation (uid {scenario.FrozenUid} -> {newUid}) after " +
             $"{rejoinedAfter.TotalSeconds:0.0} s; every node answers every moved account alike");

        var kept = await FrozenHostScenario.InvoiceTitlesAsync(survivor, probed);
        var lost = probe.AckedWrites.Where(w => !kept.Contains(w.Title)).Select(w => w.Key).ToArray();
        Note($"acknowledged by the woken node but not kept by the cluster: {lost.Length} [{string.Join(", ", lost)}]; " +
             $"the cluster holds [{string.Join(", ", kept)}]");
        Assert.True(lost.Length == 0, $"the woken node acknowledged {lost.Length} orders the cluster does not have: {string.Join(", ", lost)}");
        Assert.True(probe.StaleReads == 0, $"the woken node answered {probe.StaleReads} reads from its stale copy of {probed.UserId}");

        cluster.MarkPassed();
    }

    /// <summary>Every node returns the same invoices; the orders from before the freeze and from the takeover, once each.</summary>
    private static async Task AssertAnswersAlikeAsync(FrozenHostScenario scenario, ChaosAccount account)
    {
        var titles = await Task.WhenAll(scenario.Cluster.Nodes.Select(n => FrozenHostScenario.InvoiceTitlesAsync(scenario.Api(n), account)));
        Assert.All(titles, t => Assert.Equal(titles[0], t));
        Assert.Equal(titles[0].Count, titles[0].Distinct().Count());
        Assert.Single(titles[0], t => t.StartsWith("before-", StringComparison.Ordinal));
        Assert.Single(titles[0], t => t == "after");
    }

    private void Note(string message) => output.WriteLine($"[{_clock.Elapsed.TotalSeconds,6:0.0} s] {message}");
}
