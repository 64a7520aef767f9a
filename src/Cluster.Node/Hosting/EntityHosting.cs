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
    // Each factory runs once per region: settings, rules and region references are read there, not per entity start.
    public static AkkaConfigurationBuilder WithNodeEntities(this AkkaConfigurationBuilder builder, IClock clock)
    {
        var shardOptions = new ShardOptions();
        return builder
            .WithShardRegion<EntityRegions.Users>(UserEntity.TypeName, (system, _, _) =>
                {
                    var settings = EntitySettings.From(system);
                    return id => UserEntity.PropsFor(id, settings, clock);
                },
                new EntityMessageExtractor<IUserCommand>(m => m.UserId), shardOptions)
            .WithShardRegion<EntityRegions.EmailReservations>(EmailReservationEntity.TypeName, (system, registry, _) =>
                {
                    var (settings, users) = (EntitySettings.From(system), registry.Get<EntityRegions.Users>());
                    return email => EmailReservationEntity.PropsFor(email, users, settings, clock);
                },
                new EntityMessageExtractor<IEmailReservationCommand>(m => m.Email), shardOptions)
            .WithShardRegion<EntityRegions.GatewayLedger>(GatewayLedgerEntity.TypeName, (system, _, _) =>
                {
                    var (settings, rules) = (EntitySettings.From(system), GatewayRules.From(system));
                    return key => GatewayLedgerEntity.PropsFor(key, rules, settings, clock);
                },
                new EntityMessageExtractor<IGatewayLedgerCommand>(m => m.EntityId), shardOptions)
            .WithShardRegion<EntityRegions.Coupons>(CouponEntity.TypeName, (system, _, _) =>
                {
                    var settings = EntitySettings.From(system);
                    return code => CouponEntity.PropsFor(code, settings, clock);
                },
                new EntityMessageExtractor<ICouponCommand>(m => m.EntityId), shardOptions)
            .WithShardRegion<EntityRegions.BillingAccounts>(BillingAccountEntity.TypeName, (system, registry, _) =>
                {
                    var settings = EntitySettings.From(system);
                    var coupons = registry.Get<EntityRegions.Coupons>();
                    var gateway = new LedgerPaymentGateway(registry.Get<EntityRegions.GatewayLedger>(), GatewayRules.TimeoutFrom(system));
                    return accountId => BillingAccountEntity.PropsFor(accountId, coupons, gateway, settings, clock);
                },
                new EntityMessageExtractor<IBillingAccountCommand>(m => m.EntityId), shardOptions);
    }
}
