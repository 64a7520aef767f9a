using System.Globalization;
using MediaPlatform.Testing.Processes;
using Xunit.Abstractions;

namespace MediaPlatform.Specs.MultiProcess;

/// <summary>
/// What an operator's Prometheus sees when a node dies: the survivors' /metrics show the member unreachable, then
/// two members Up, and the singletons the dead node hosted running on a survivor, recovered from the journal.
/// </summary>
[Collection(MultiProcessCollection.Name)]
public sealed class MetricsOnCrashSpecs(ITestOutputHelper output)
{
    private static readonly HttpClient Http = new()
    {
        Timeout = TimeSpan.FromSeconds(5),
        DefaultRequestHeaders = { Authorization = new("Bearer", NodeProcessCluster.AdminToken) },
    };

    [Fact]
    public async Task Survivors_metrics_show_the_unreachable_member_and_the_singletons_moving_to_them()
    {
        await using var cluster = await NodeProcessCluster.StartAsync(3, new(output.WriteLine));
        await cluster.AwaitAllUpAsync(SpecTimeouts.Formation);

        // The oldest member hosts the singletons (scheduler, transcode coordinator): kill it so they must move.
        var oldest = (await cluster.Nodes[0].GetMembersAsync()).Oldest;
        NodeProcess? victim = null;
        foreach (var node in cluster.Nodes)
            if ((await node.GetMembersAsync()).SelfNode == oldest) victim = node;
        Assert.NotNull(victim);
        var survivors = cluster.Nodes.Where(n => n != victim).ToArray();
        await Eventually.AwaitAsync(async () => await SumAsync(survivors, "media_platform_cluster_members", "status=\"up\"") == 6,
            SpecTimeouts.StillServing, "both survivors' metrics count 3 members Up");
        Assert.Equal(0, await SumAsync(survivors, "media_platform_cluster_singletons"));
        var coordinatorStartsBefore = await SumAsync(survivors, "media_platform_sharding_entity_starts_total", "entity_type=\"transcode-coordinator\"");

        victim!.Kill();
        await Eventually.AwaitAsync(async () => await SumAsync(survivors, "media_platform_cluster_unreachable_members") >= 1,
            SpecTimeouts.Downing, "a survivor's metrics show the killed member unreachable");
        await Eventually.AwaitAsync(async () =>
                await SumAsync(survivors, "media_platform_cluster_members", "status=\"up\"") == 4
                && await SumAsync(survivors, "media_platform_cluster_unreachable_members") == 0
                && await SumAsync(survivors, "media_platform_cluster_singletons") == 2,
            SpecTimeouts.Downing + SpecTimeouts.StillServing, "2 members Up, none unreachable, the singletons on a survivor");
        await Eventually.AwaitAsync(async () =>
                await SumAsync(survivors, "media_platform_sharding_entity_starts_total", "entity_type=\"transcode-coordinator\"") > coordinatorStartsBefore
                && await SumAsync(survivors, "media_platform_persistence_recovery_duration_seconds_count", "entity_type=\"transcode-coordinator\"") >= 1,
            SpecTimeouts.StillServing, "the transcode coordinator started and recovered on a survivor");
        cluster.MarkPassed();
    }

    /// <summary>The sum over the nodes of a metric's series that carry every given label="value".</summary>
    private static async Task<double> SumAsync(IEnumerable<NodeProcess> nodes, string metric, params string[] labels)
    {
        double sum = 0;
        foreach (var node in nodes)
        {
            var text = await Http.GetStringAsync(new Uri(node.BaseAddress, "metrics"));
            foreach (var line in text.Split('\n'))
            {
                if (line.StartsWith('#') || !(line.StartsWith(metric + "{", StringComparison.Ordinal) || line.StartsWith(metric + " ", StringComparison.Ordinal))) continue;
                if (!labels.All(l => line.Contains(l, StringComparison.Ordinal))) continue;
                sum += double.Parse(line[(line.LastIndexOf(' ') + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture);
            }
        }
        return sum;
    }
}
