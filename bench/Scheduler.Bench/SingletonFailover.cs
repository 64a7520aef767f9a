using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using MediaPlatform.Testing.Processes;

namespace MediaPlatform.Bench.Scheduler;

/// <summary>
/// Failover time of the scheduler singleton with the real binary: SIGKILL the process that hosts it (the oldest
/// member), then poll the other nodes' GET /scheduler/jobs (answered through the singleton proxy) every 100 ms until
/// it answers again. Measured N times; the killed node is restarted and rejoins between rounds. Each round also
/// notes when the observer saw the killed node unreachable and removed, to show where the time goes.
/// </summary>
public static class SingletonFailover
{
    private static readonly TimeSpan Formation = TimeSpan.FromSeconds(120);

    public sealed record Round(TimeSpan Unreachable, TimeSpan Removed, TimeSpan Answering);

    public static async Task<IReadOnlyList<Round>> RunAsync(int rounds, string? extraHocon = null)
    {
        using var settings = new TempDirectory("scheduler-failover");
        string[] extra = ["--log-level", "Warning"];
        if (extraHocon is not null)
        {
            // Given to every node with --config (e.g. a removal margin to compare).
            await File.WriteAllTextAsync(settings.Combine("extra.hocon"), extraHocon);
            extra = [.. extra, "--config", settings.Combine("extra.hocon")];
        }
        await using var cluster = await NodeProcessCluster.StartAsync(3, new(ExtraArguments: extra));
        await cluster.AwaitAllUpAsync(Formation);
        var nodes = cluster.Nodes;
        var times = new List<Round>();
        for (var round = 0; round < rounds; round++)
        {
            var observer = nodes[round % nodes.Count];
            var host = await SingletonHostAsync(observer, nodes);
            if (host == observer) observer = nodes[(round + 1) % nodes.Count];
            while (!await SchedulerAnswersAsync(observer)) await Task.Delay(100);

            host.Kill();
            var sinceKill = Stopwatch.StartNew();
            await host.WaitForExitAsync(TimeSpan.FromSeconds(30));
            TimeSpan? unreachable = null, removed = null;
            while (true)
            {
                var state = await MemberStateAsync(observer, host);
                if (state == "unreachable") unreachable ??= sinceKill.Elapsed;
                if (state == "removed") removed ??= sinceKill.Elapsed;
                if (removed is not null && await SchedulerAnswersAsync(observer)) break;
                await Task.Delay(100);
            }
            var result = new Round(unreachable ?? removed!.Value, removed!.Value, sinceKill.Elapsed);
            times.Add(result);
            Console.WriteLine($"  round {round + 1}: killed {host.Name}; {observer.Name} saw it unreachable at {result.Unreachable.TotalSeconds:0.0} s, " +
                              $"removed at {result.Removed.TotalSeconds:0.0} s, scheduler answering at {result.Answering.TotalSeconds:0.0} s");

            await cluster.RestartAsync(host);
            await cluster.AwaitAllUpAsync(Formation);
        }
        cluster.MarkPassed();
        return times;
    }

    /// <summary>How <paramref name="observer"/> sees <paramref name="node"/>: "unreachable", "removed" (not a member any more) or "member".</summary>
    private static async Task<string> MemberStateAsync(NodeProcess observer, NodeProcess node)
    {
        try
        {
            var view = await observer.GetMembersAsync();
            var address = $":{node.RemotePort}";
            if (view.Unreachable.Any(u => u.EndsWith(address, StringComparison.Ordinal))) return "unreachable";
            return view.Members.Any(m => m.Node.EndsWith(address, StringComparison.Ordinal)) ? "member" : "removed";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return "no answer";
        }
    }

    /// <summary>The node hosting the singletons: the oldest member, as /cluster/singletons reports it.</summary>
    private static async Task<NodeProcess> SingletonHostAsync(NodeProcess observer, IReadOnlyList<NodeProcess> nodes)
    {
        using var response = await observer.GetAsAdminAsync("cluster/singletons");
        var oldest = (await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("oldest").GetString()!;
        return nodes.Single(n => oldest.EndsWith($":{n.RemotePort}", StringComparison.Ordinal));
    }

    /// <summary>True once the scheduler singleton answers through this node's proxy.</summary>
    private static async Task<bool> SchedulerAnswersAsync(NodeProcess node)
    {
        try
        {
            using var response = await node.GetAsAdminAsync("scheduler/jobs");
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }
}
