using Akka.Cluster.Sharding;
using MediaPlatform.Actors.Observability;

namespace MediaPlatform.Actors.Sharding;

/// <summary>
/// Routes messages of one entity type by the id their marker interface carries (e.g. <c>IWithUserId.UserId</c>),
/// hashed into a fixed number of shards. The shard count must stay the same for the life of the cluster.
/// (<see cref="HashCodeMessageExtractor"/> itself handles sharding's own StartEntity messages.)
/// </summary>
public sealed class EntityMessageExtractor<TMarker>(Func<TMarker, string> entityId, int maxShards = EntityMessageExtractor.DefaultShards)
    : HashCodeMessageExtractor(maxShards) where TMarker : class
{
    public override string EntityId(object message) => message switch
    {
        TMarker m => entityId(m),
        // Routed by what it carries; the entity itself receives the envelope and joins the sender's trace.
        TracedMessage { Message: TMarker m } => entityId(m),
        // Never null: sharding drops such a message silently. An empty id is refused loudly downstream.
        _ => "",
    };
}

public static class EntityMessageExtractor
{
    /// <summary>Ten shards per node for a ten-node cluster; never change it on a running cluster.</summary>
    public const int DefaultShards = 100;
}
