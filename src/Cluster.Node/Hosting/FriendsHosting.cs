using Akka.Cluster.Hosting;
using Akka.Cluster.Sharding;
using Akka.Hosting;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Friends;
using MediaPlatform.Actors.Sharding;
using MediaPlatform.Node.Configuration;

namespace MediaPlatform.Node.Hosting;

/// <summary>
/// The friends entities: one Friendship entity per pair (the single writer of the relationship) and one friend list
/// per user (a view the Friendship entities keep up to date, at least once).
/// </summary>
public static class FriendsHosting
{
    public static AkkaConfigurationBuilder WithFriendEntities(this AkkaConfigurationBuilder builder, NodeSettings settings, IClock clock) => builder
        .WithShardRegion<EntityRegions.FriendLists>(FriendListEntity.TypeName,
            (_, _, _) => userId => FriendListEntity.PropsFor(userId, settings.Entities, clock),
            new EntityMessageExtractor<IFriendListCommand>(m => m.UserId), new ShardOptions())
        .WithShardRegion<EntityRegions.Friendships>(FriendshipEntity.TypeName,
            (_, registry, _) =>
            {
                var lists = registry.Get<EntityRegions.FriendLists>();
                return pairId => FriendshipEntity.PropsFor(pairId, lists, settings.Friendships, settings.Entities, clock);
            },
            new EntityMessageExtractor<IFriendshipCommand>(m => m.PairId),
            // A Friendship entity with undelivered changes must come back by itself after its node dies, so this
            // region remembers its entities (only those not yet passivated, i.e. with work left). The store is the
            // journal: durable ddata (LMDB) is not available, and in-memory ddata would forget on a full restart.
            new ShardOptions { RememberEntities = true, RememberEntitiesStore = RememberEntitiesStore.Eventsourced });
}
