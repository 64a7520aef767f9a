using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using MediaPlatform.Actors.Projections;
using MediaPlatform.Testing.Processes;

namespace MediaPlatform.Bench.Projections;

/// <summary>
/// Where the projections singleton runs, as GET /cluster/singletons says (singletons run on the oldest Up member),
/// matched to a node process by its remoting port.
/// </summary>
public static class ProjectionsHost
{
    /// <summary>The node the projections singleton runs on, as the first running node that answers sees it.</summary>
    public static async Task<NodeProcess?> FindAsync(IReadOnlyList<NodeProcess> nodes)
    {
        foreach (var node in nodes.Where(n => n.IsRunning))
        {
            try
            {
                using var response = await node.GetAsAdminAsync("cluster/singletons");
                if (!response.IsSuccessStatusCode) continue;
                var wire = await response.Content.ReadFromJsonAsync<SingletonsWire>(JsonSerializerOptions.Web);
                var address = wire?.Singletons.FirstOrDefault(s => s.Name == ProjectionSupervisor.Name)?.Node;
                if (address is null) continue;
                return nodes.SingleOrDefault(n => address.EndsWith($":{n.RemotePort}", StringComparison.Ordinal));
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or NodeExitedException) { /* ask the next */ }
        }
        return null;
    }

    /// <summary>
    /// Polls until the survivors place the singleton on another node (the killed one has been downed and removed);
    /// returns that node and when (seconds on <paramref name="clock"/>), or null at the deadline.
    /// </summary>
    public static async Task<(NodeProcess Node, double At)?> AwaitMovedAsync(IReadOnlyList<NodeProcess> nodes, NodeProcess from, Stopwatch clock,
        TimeSpan deadline)
    {
        var giveUpAt = clock.Elapsed + deadline;
        while (clock.Elapsed < giveUpAt)
        {
            if (await FindAsync(nodes) is { } host && host != from && host.IsRunning) return (host, clock.Elapsed.TotalSeconds);
            await Task.Delay(LagOptions.SampleInterval);
        }
        return null;
    }
}
