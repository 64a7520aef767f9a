using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Sharding;

namespace MediaPlatform.Node.Management;

/// <summary>
/// GET /cluster/shards/{region} (this node's shards of one region, as in Akka Management) and GET /cluster/sharding
/// (every region's distribution over the cluster). Region names are the entities' TypeName constants.
/// </summary>
public static class ShardingRoutes
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(5);

    public static IEndpointRouteBuilder MapShardingRoutes(this IEndpointRouteBuilder app)
    {
        app.MapGet("/cluster/shards/{region}", async (string region, ActorSystem system, CancellationToken ct) =>
        {
            var sharding = ClusterSharding.Get(system);
            if (!sharding.ShardTypeNames.Contains(region))
                return ManagementProblems.NotFound(
                    $"no shard region '{region}' on this node; regions: {string.Join(", ", sharding.ShardTypeNames.Order())}");
            try
            {
                var state = await sharding.ShardRegion(region).Ask<CurrentShardRegionState>(GetShardRegionState.Instance, AskTimeout, ct);
                var shards = state.Shards.Select(s => new ShardEntities(s.ShardId, s.EntityIds.Count)).OrderBy(s => s.ShardId, StringComparer.Ordinal).ToArray();
                return Results.Ok(new ShardRegionStateResponse(region, Cluster.Get(system).SelfAddress.ToString(),
                    shards.Length, shards.Sum(s => s.EntityCount), shards, state.Failed.Order().ToArray()));
            }
            catch (AskTimeoutException)
            {
                return ManagementProblems.Unavailable($"shard region '{region}' did not answer within {AskTimeout.TotalSeconds:0} s");
            }
        }).WithTags("cluster").WithName("GetShardRegionState");

        app.MapGet("/cluster/sharding", async (ActorSystem system, CancellationToken ct) =>
        {
            var sharding = ClusterSharding.Get(system);
            var regions = await Task.WhenAll(sharding.ShardTypeNames.Order().Select(name => Distribution(sharding, name, ct)));
            return Results.Ok(new ClusterShardingResponse(regions));
        }).WithTags("cluster").WithName("GetClusterSharding");

        return app;
    }

    /// <summary>One region over the cluster; a region that does not answer in time is reported, not fatal.</summary>
    private static async Task<RegionDistribution> Distribution(ClusterSharding sharding, string region, CancellationToken ct)
    {
        try
        {
            var stats = await sharding.ShardRegion(region).Ask<ClusterShardingStats>(new GetClusterShardingStats(AskTimeout), AskTimeout + TimeSpan.FromSeconds(1), ct);
            var nodes = stats.Regions
                .Select(r => new RegionNodeStats(r.Key.ToString(), r.Value.Stats.Count, r.Value.Stats.Values.Sum(), r.Value.Failed.Order().ToArray()))
                .OrderBy(n => n.Node, StringComparer.Ordinal).ToArray();
            return new RegionDistribution(region, nodes.Sum(n => n.ShardCount), nodes.Sum(n => n.EntityCount), nodes, null);
        }
        catch (AskTimeoutException)
        {
            return new RegionDistribution(region, 0, 0, [], $"did not answer within {AskTimeout.TotalSeconds:0} s");
        }
    }
}
