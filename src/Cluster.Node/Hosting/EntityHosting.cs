using Akka.Cluster.Hosting;
using Akka.Hosting;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Sharding;
using MediaPlatform.Actors.Users;
using MediaPlatform.Actors.Users.EmailReservations;

namespace MediaPlatform.Node.Hosting;

/// <summary>The sharded, event-sourced entities every node hosts; any node routes to any entity.</summary>
public static class EntityHosting
{
    public static AkkaConfigurationBuilder WithNodeEntities(this AkkaConfigurationBuilder builder, IClock clock)
    {
        var shardOptions = new ShardOptions();
        return builder
            .WithShardRegion<EntityRegions.Users>(UserEntity.TypeName,
                (system, _, _) => id => UserEntity.PropsFor(id, EntitySettings.From(system), clock),
                new EntityMessageExtractor<IUserCommand>(m => m.UserId), shardOptions)
            .WithShardRegion<EntityRegions.EmailReservations>(EmailReservationEntity.TypeName,
                (system, registry, _) => email => EmailReservationEntity.PropsFor(
                    email, registry.Get<EntityRegions.Users>(), EntitySettings.From(system), clock),
                new EntityMessageExtractor<IEmailReservationCommand>(m => m.Email), shardOptions);
    }
}
