namespace MediaPlatform.Node.Management;

/// <summary>
/// The cluster management API every node serves next to GET /cluster/members: read routes for everyone, mutating
/// routes behind <see cref="MutationGate"/>. The transcode queue (`jobs`) is not here yet: it waits for the media issue.
/// </summary>
public static class ManagementRoutes
{
    public static IEndpointRouteBuilder MapManagementRoutes(this IEndpointRouteBuilder app) => app
        .MapClusterMembership()
        .MapShardingRoutes()
        .MapSingletonRoutes()
        .MapRemoteAssociationRoutes()
        .MapActorHierarchyRoutes()
        .MapClusterEventRoutes()
        .MapSchedulerRoutes();
}
