using Akka.Actor;
using Akka.Cluster;

namespace MediaPlatform.Node.Management;

/// <summary>
/// GET /remote/associations. Akka.Remote exposes no public list of its associations, so this is derived from cluster
/// state: a member heartbeats with (and is associated to) every other member, reachable or not.
/// </summary>
public static class RemoteAssociationRoutes
{
    public static IEndpointRouteBuilder MapRemoteAssociationRoutes(this IEndpointRouteBuilder app)
    {
        app.MapGet("/remote/associations", (ActorSystem system) =>
        {
            var cluster = Cluster.Get(system);
            var state = cluster.State;
            var unreachable = state.Unreachable.Select(m => m.Address).ToHashSet();
            var associations = state.Members
                .Where(m => !m.Address.Equals(cluster.SelfAddress))
                .Select(m => new RemoteAssociation(m.Address.ToString(), m.Status.ToString(),
                    unreachable.Contains(m.Address) ? "Unreachable" : "Reachable"))
                .OrderBy(a => a.Address, StringComparer.Ordinal).ToArray();
            return Results.Ok(new RemoteAssociationsResponse(cluster.SelfAddress.ToString(), "cluster-membership", associations));
        }).WithTags("remote").WithName("GetRemoteAssociations");
        return app;
    }
}
