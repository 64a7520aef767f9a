using Akka.Cluster.Hosting;
using Akka.Configuration;
using Akka.Hosting;
using MediaPlatform.Actors.Billing;
using MediaPlatform.Actors.Billing.Coupons;
using MediaPlatform.Actors.Billing.Payments;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Sharding;
using MediaPlatform.Actors.Users;
using MediaPlatform.Actors.Users.EmailReservations;
using MediaPlatform.Node.Configuration;

namespace MediaPlatform.Node.Hosting;

/// <summary>The sharded, event-sourced entities every node hosts; any node routes to any entity.</summary>
public static class EntityHosting
{
    // Settings come read and checked from start-up; each factory runs once per region and looks up the regions it needs.
    public static AkkaConfigurationBuilder WithNodeEntities(this AkkaConfigurationBuilder builder, NodeSettings settings, IClock clock)
    {
        var shardOptions = new ShardOptions();
        return builder
            // Billing events are tagged in the journal for the billing projection and the event feed.
            .AddHocon(PersistenceHosting.EventAdapterHocon(BillingEventTagger.JournalHocon), HoconAddMode.Prepend)
            .WithShardRegion<EntityRegions.Users>(UserEntity.TypeName, (_, _, _) =>
                    id => UserEntity.PropsFor(id, settings.Entities, clock),
                new EntityMessageExtractor<IUserCommand>(m => m.UserId), shardOptions)
            .WithShardRegion<EntityRegions.EmailReservations>(EmailReservationEntity.TypeName, (_, registry, _) =>
                {
                    var users = registry.Get<EntityRegions.Users>();
                    return email => EmailReservationEntity.PropsFor(email, users, settings.Entities, clock);
                },
                new EntityMessageExtractor<IEmailReservationCommand>(m => m.Email), shardOptions)
            .WithShardRegion<EntityRegions.GatewayLedger>(GatewayLedgerEntity.TypeName, (_, _, _) =>
                    key => GatewayLedgerEntity.PropsFor(key, settings.Gateway, settings.Entities, clock),
                new EntityMessageExtractor<IGatewayLedgerCommand>(m => m.EntityId), shardOptions)
            .WithShardRegion<EntityRegions.Coupons>(CouponEntity.TypeName, (_, _, _) =>
                    code => CouponEntity.PropsFor(code, settings.Entities, clock),
                new EntityMessageExtractor<ICouponCommand>(m => m.EntityId), shardOptions)
            .WithShardRegion<EntityRegions.BillingAccounts>(BillingAccountEntity.TypeName, (system, registry, _) =>
                {
                    var coupons = registry.Get<EntityRegions.Coupons>();
                    // One breaker per node, shared by every account entity here: the gateway's silence is the node's to see.
                    var gateway = new CircuitBreakingPaymentGateway(
                        new LedgerPaymentGateway(registry.Get<EntityRegions.GatewayLedger>(), settings.GatewayTimeout),
                        system.Scheduler, settings.GatewayBreaker, settings.GatewayTimeout);
                    return accountId => BillingAccountEntity.PropsFor(accountId, coupons, gateway, settings.Entities, clock);
                },
                new EntityMessageExtractor<IBillingAccountCommand>(m => m.EntityId), shardOptions);
    }
}
