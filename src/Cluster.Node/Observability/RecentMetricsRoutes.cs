using Akka.Actor;
using Akka.Cluster;
using MediaPlatform.Actors.Observability;

namespace MediaPlatform.Node.Observability;

/// <summary>
/// GET /cluster/metrics/recent: every member's last 15 minutes of samples (<see cref="RecentMetricsRecorder"/>) in one
/// answer, for the ops page. The node asked fans out over Akka remoting to each member's <c>/user/recent-metrics</c>:
/// the cluster already knows every member's actor address and carries the admin's trust, whereas a member's HTTP
/// address is nowhere in the cluster state (and may sit behind a load balancer or on a management port). A member
/// that is unreachable or does not answer in time is listed with the reason, never failing the whole answer.
/// </summary>
public static class RecentMetricsRoutes
{
    public const string Path = "/cluster/metrics/recent";
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(3);

    public static IEndpointRouteBuilder MapRecentMetrics(this IEndpointRouteBuilder app)
    {
        if (!app.ServiceProvider.GetRequiredService<ObservabilitySettings>().Metrics) return app;
        app.MapGet(Path, async (ActorSystem system, CancellationToken ct) =>
        {
            var state = Cluster.Get(system).State;
            var unreachable = state.Unreachable.Select(m => m.Address).ToHashSet();
            var members = state.Members.Where(m => m.Status is MemberStatus.Up or MemberStatus.WeaklyUp or MemberStatus.Leaving)
                .OrderBy(m => m.Address.ToString(), StringComparer.Ordinal).ToArray();
            var nodes = await Task.WhenAll(members.Select(m => unreachable.Contains(m.Address)
                ? Task.FromResult(new NodeRecentMetrics(m.Address.ToString(), null, [], "unreachable"))
                : AskAsync(system, m.Address, ct)));
            return Results.Ok(new ClusterRecentMetrics(RecentMetricsRecorder.IntervalSeconds, nodes));
        }).WithTags("cluster").WithName("GetRecentMetrics");
        return app;
    }

    private static async Task<NodeRecentMetrics> AskAsync(ActorSystem system, Address member, CancellationToken ct)
    {
        var path = new RootActorPath(member) / "user" / RecentMetricsResponder.Name;
        try
        {
            var recent = await system.ActorSelection(path).Ask<RecentMetrics>(GetRecentMetrics.Instance, AskTimeout, ct);
            return new NodeRecentMetrics(member.ToString(), recent.Node, recent.Samples, null);
        }
        catch (AskTimeoutException)
        {
            return new NodeRecentMetrics(member.ToString(), null, [], $"no answer within {AskTimeout.TotalSeconds:0} s (metrics off there?)");
        }
    }
}

/// <param name="Error">Why this member has no samples (unreachable, no answer); null when it answered.</param>
public sealed record NodeRecentMetrics(string Node, string? Name, MetricsSample[] Samples, string? Error);

public sealed record ClusterRecentMetrics(int IntervalSeconds, NodeRecentMetrics[] Nodes);
