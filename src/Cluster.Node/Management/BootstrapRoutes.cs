using System.Collections.Immutable;
using Akka.Actor;
using Akka.Cluster;
using Newtonsoft.Json;
using static Akka.Management.Cluster.Bootstrap.ContactPoint.HttpBootstrapJsonProtocol;

namespace MediaPlatform.Node.Management;

/// <summary>
/// GET /bootstrap/seed-nodes: the contact-point route cluster bootstrap probes on every node. Served by Kestrel
/// because Akka.Management's own HTTP server cannot start here. Unlike the stock route, a node that is not yet a
/// member answers 200 with an empty list (a 503 there stops a new cluster from ever forming).
/// </summary>
public static class BootstrapRoutes
{
    public static IEndpointRouteBuilder MapBootstrapContactPoint(this IEndpointRouteBuilder app)
    {
        app.MapGet("/bootstrap/seed-nodes", (ActorSystem system) =>
        {
            var cluster = Cluster.Get(system);
            if (cluster.SelfMember.Status is MemberStatus.Down or MemberStatus.Exiting or MemberStatus.Leaving)
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            var state = cluster.State;
            var members = state.Members
                .Where(m => !state.Unreachable.Contains(m))
                .Where(m => m.Status is MemberStatus.Up or MemberStatus.WeaklyUp or MemberStatus.Joining)
                .Select(m => new ClusterMember(m.UniqueAddress.Address, m.UniqueAddress.Uid, m.Status, m.Roles))
                .ToImmutableList();
            var json = JsonConvert.SerializeObject(new SeedNodes(cluster.SelfAddress, members));
            return Results.Content(json, "application/json");
        }).ExcludeFromDescription();
        return app;
    }
}
