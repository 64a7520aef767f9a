using Akka.Cluster.Hosting;
using Akka.Cluster.Sharding;
using Akka.Hosting;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Friends;
using MediaPlatform.Actors.Sharding;

namespace MediaPlatform.Node.Hosting;

/// <summary>Keys under which the friends shard regions are registered; HTTP handlers take <c>IRequiredActor&lt;TKey&gt;</c>.</summary>
public static class FriendRegions
{
    public sealed class Friendships;
    public sealed class FriendLists;
}

/// <summary>
/// The friends entities: one Friendship entity per pair (the single writer of the relationship) and one friend list
/// per user (a view the Friendship entities keep up to date, at least once).
/// </summary>
public static class FriendsHosting
{
    public static AkkaConfigurationBuilder WithFriendEntities(this AkkaConfigurationBuilder builder, IClock clock) => builder
        .WithShardRegion<FriendRegions.FriendLists>(FriendListEntity.TypeName,
            (system, _, _) =>
            {
                var settings = EntitySettings.From(system);
                return userId => FriendListEntity.PropsFor(userId, settings, clock);
            },
            new EntityMessageExtractor<IFriendListCommand>(m => m.UserId), new ShardOptions())
        .WithShardRegion<FriendRegions.Friendships>(FriendshipEntity.TypeName,
            (system, registry, _) =>
            {
                var (lists, friendship, settings) = (registry.Get<FriendRegions.FriendLists>(), FriendshipSettings.From(system), EntitySettings.From(system));
                return pairId => FriendshipEntity.PropsFor(pairId, lists, friendship, settings, clock);
            },
            new EntityMessageExtractor<IFriendshipCommand>(m => m.PairId),
            // A Friendship entity with undelivered changes must come back by itself after its node dies, so this
            // region remembers its entities (only those not yet passivated, i.e. with work left). The store is the
            // journal: durable ddata (LMDB) is not available, and in-memory ddata would forget on a full restart.
            new ShardOptions { RememberEntities = true, RememberEntitiesStore = RememberEntitiesStore.Eventsourced });
}
