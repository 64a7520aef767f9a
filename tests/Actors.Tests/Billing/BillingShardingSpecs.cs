using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Sharding;
using MediaPlatform.Actors.Billing;
using MediaPlatform.Actors.Billing.Coupons;
using MediaPlatform.Actors.Billing.Payments;
using MediaPlatform.Actors.Sharding;
using MediaPlatform.Actors.Tests.Billing.Support;

namespace MediaPlatform.Actors.Tests.Billing;

/// <summary>
/// The three billing entity types behind real cluster sharding on a one-node cluster, wired the way the node wires
/// them: each routed by <see cref="EntityMessageExtractor{TMarker}"/> over its marker interface, the account entity
/// given the coupon region and a gateway over the ledger region.
/// </summary>
public sealed class BillingShardingSpecs() : BillingSpec("""
    akka.actor.provider = cluster
    akka.remote.dot-netty.tcp { hostname = 127.0.0.1, port = 0 }
    akka.cluster.sharding.state-store-mode = ddata
    akka.cluster.sharding.remember-entities = off
    """)
{
    [Fact]
    public async Task Billing_commands_must_reach_their_entities_through_shard_regions_routed_by_marker_interfaces()
    {
        var cluster = Cluster.Get(Sys);
        await cluster.JoinAsync(cluster.SelfAddress);
        var sharding = ClusterSharding.Get(Sys);
        var settings = ClusterShardingSettings.Create(Sys);

        var ledger = await sharding.StartAsync(GatewayLedgerEntity.TypeName, key => GatewayLedgerEntity.PropsFor(key, GatewayRules.From(Sys), Settings, Clock),
            settings, new EntityMessageExtractor<IGatewayLedgerCommand>(m => m.EntityId));
        var coupons = await sharding.StartAsync(CouponEntity.TypeName, code => CouponEntity.PropsFor(code, Settings, Clock),
            settings, new EntityMessageExtractor<ICouponCommand>(m => m.EntityId));
        var gateway = new LedgerPaymentGateway(ledger, GatewayRules.TimeoutFrom(Sys));
        var accounts = await sharding.StartAsync(BillingAccountEntity.TypeName, id => BillingAccountEntity.PropsFor(id, coupons, gateway, Settings, Clock),
            settings, new EntityMessageExtractor<IBillingAccountCommand>(m => m.EntityId));

        const string id = "user-7";
        await Ask<BillingAccountView>(accounts, new OpenBillingAccount(id, id, "USD"));
        await Ask<CouponView>(coupons, new CreateCoupon("WELCOME", CouponKind.FixedAmount, 0, 500, "USD", BillingSamples.Start.AddDays(30), 100));
        var order = await Ask<OrderPlaced>(accounts, new SubscribeToPlan(id, "standard", "sub-1")); // no card yet: pending
        await Ask<BillingAccountView>(accounts, new SetBillingCard(id, BillingSamples.Card()));
        var discounted = await Ask<InvoiceView>(accounts, new ApplyCouponToInvoice(id, order.Invoice.InvoiceId, "WELCOME", "welcome-1"));
        var receipt = await Ask<PaymentReceipt>(accounts, new PayInvoice(id, order.Invoice.InvoiceId, "pay-1"));

        Assert.Equal(1049, discounted.TotalMinor);
        Assert.Equal(1049, receipt.Payment.AmountMinor);
        var entry = await Ask<LedgerEntryView>(ledger, new GetLedgerEntry($"{id}:pay-1")); // an entity id with ':' routes too
        Assert.Equal((LedgerStatus.Charged, 1, 1049L), (entry.Status, entry.Charges, entry.AmountMinor));
    }
}
