namespace MediaPlatform.Node.Management;

/// <summary>
/// The cluster management API every node serves next to GET /cluster/members: every route behind the admin token
/// (<see cref="ManagementGate"/>), mutating routes also behind <see cref="MutationGate"/>; the transcode work queue at /cluster/transcode-queue (`mpctl encodes`).
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
        .MapSchedulerRoutes()
        .MapTranscodeQueueRoutes()
        .MapProjectionRoutes();
}
