using Akka.Cluster.Hosting;
using Akka.Hosting;
using MediaPlatform.Actors.Billing;
using MediaPlatform.Actors.Billing.Coupons;
using MediaPlatform.Actors.Billing.Payments;
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
                new EntityMessageExtractor<IEmailReservationCommand>(m => m.Email), shardOptions)
            .WithShardRegion<EntityRegions.GatewayLedger>(GatewayLedgerEntity.TypeName,
                (system, _, _) => key => GatewayLedgerEntity.PropsFor(key, GatewayRules.From(system), EntitySettings.From(system), clock),
                new EntityMessageExtractor<IGatewayLedgerCommand>(m => m.EntityId), shardOptions)
            .WithShardRegion<EntityRegions.Coupons>(CouponEntity.TypeName,
                (system, _, _) => code => CouponEntity.PropsFor(code, EntitySettings.From(system), clock),
                new EntityMessageExtractor<ICouponCommand>(m => m.EntityId), shardOptions)
            .WithShardRegion<EntityRegions.BillingAccounts>(BillingAccountEntity.TypeName,
                (system, registry, _) => accountId => BillingAccountEntity.PropsFor(accountId,
                    registry.Get<EntityRegions.Coupons>(),
                    new LedgerPaymentGateway(registry.Get<EntityRegions.GatewayLedger>(), GatewayRules.TimeoutFrom(system)),
                    EntitySettings.From(system), clock),
                new EntityMessageExtractor<IBillingAccountCommand>(m => m.EntityId), shardOptions);
    }
}
