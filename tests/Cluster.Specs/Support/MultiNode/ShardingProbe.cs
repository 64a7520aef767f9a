using Akka.Actor;
using Akka.Cluster.Sharding;

namespace MediaPlatform.Specs.Support.MultiNode;

/// <summary>Where sharding put things: shards per node as the coordinator reports them, live entities per region.</summary>
public static class ShardingProbe
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The coordinator's view (GetClusterShardingStats): shard ids hosted by each node's region.</summary>
    public static async Task<IReadOnlyDictionary<Address, IReadOnlySet<string>>> ShardsByNodeAsync(IActorRef region)
    {
        var stats = await region.Ask<ClusterShardingStats>(new GetClusterShardingStats(AskTimeout), AskTimeout * 2);
        return stats.Regions.ToDictionary(r => r.Key, r => (IReadOnlySet<string>)r.Value.Stats.Keys.ToHashSet());
    }

    /// <summary>Shards this region hosts and the entities running in each (entities start on their first message).</summary>
    public static async Task<IReadOnlyDictionary<string, IReadOnlySet<string>>> LocalShardsAsync(IActorRef region, TimeSpan? timeout = null)
    {
        var state = await region.Ask<CurrentShardRegionState>(GetShardRegionState.Instance, timeout ?? AskTimeout);
        return state.Shards.ToDictionary(s => s.ShardId, s => (IReadOnlySet<string>)s.EntityIds.ToHashSet());
    }

    /// <summary>Entities running in this node's region right now.</summary>
    public static async Task<IReadOnlySet<string>> LiveEntitiesAsync(IActorRef region, TimeSpan? timeout = null) =>
        (await LocalShardsAsync(region, timeout)).Values.SelectMany(e => e).ToHashSet();

    public static string Describe(IReadOnlyDictionary<Address, IReadOnlySet<string>> shardsByNode) =>
        string.Join(", ", shardsByNode.OrderBy(r => r.Key.Port).Select(r => $"{r.Key.Port}: {r.Value.Count} shards"));
}
