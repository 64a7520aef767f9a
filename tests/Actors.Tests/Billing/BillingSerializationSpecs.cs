using MediaPlatform.Actors.Billing;
using MediaPlatform.Actors.Billing.Coupons;
using MediaPlatform.Actors.Billing.Payments;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Serialization;
using MediaPlatform.Actors.Tests.Billing.Support;
using static MediaPlatform.Actors.Tests.Billing.Support.PureAccount;

namespace MediaPlatform.Actors.Tests.Billing;

/// <summary>
/// What the journal and snapshot store will hold for a busy account: every event and the state itself, after a
/// trip through the protocol serializer, must rebuild exactly the same account (the generic round-trip spec uses
/// one-element samples; this one uses real histories with credits, discounts, failed payments and an upgrade
/// waiting for payment).
/// </summary>
public sealed class BillingSerializationSpecs : BillingSpec
{
    private static PureAccount BusyAccount()
    {
        var account = new PureAccount();
        account.SetCard();
        account.Subscribe("premium", "s");
        account.Now = BillingSamples.Start.AddDays(9);
        account.Do<OrderPlaced>(new ChangeSubscriptionPlan(Id, "basic", "down"));
        account.Buy("t1", 2500, "b1");
        var coupon = new ApplyCouponToInvoice(Id, "INV-000003", "TENOFF", "r1");
        account.ApplyCoupon(coupon, Redeemed(coupon, CouponKind.Percent, 10, 0));
        account.StartPayment("INV-000003", "p2");
        account.Take<Rejection>(account.GatewayAnswers("p2", new GatewayOutcome.Declined("insufficient funds")));
        account.StartPayment("INV-000003", "p3");
        account.Do<BillingAccountView>(new CancelSubscription(Id));
        account.Do<BillingAccountView>(new ResumeSubscription(Id));
        account.Order(new ChangeSubscriptionPlan(Id, "standard", "up"), new GatewayOutcome.Declined("insufficient funds")); // waits for payment
        Assert.NotNull(account.State.Subscription!.PendingChange);
        return account;
    }

    private object RoundTrip(object value)
    {
        var serializer = Assert.IsType<ProtocolSerializer>(Sys.Serialization.FindSerializerFor(value));
        return serializer.FromBinary(serializer.ToBinary(value), serializer.Manifest(value));
    }

    [Fact]
    public void Replaying_the_serialized_events_of_a_busy_account_must_rebuild_the_same_state()
    {
        var account = BusyAccount();
        var replayed = account.Journal.Select(e => (IBillingAccountEvent)RoundTrip(e))
            .Aggregate(BillingAccountState.Empty(Id), (s, e) => s.Apply(e));

        Assert.Equal(Json(account.State), Json(replayed));
        Assert.Equal(Json(account.State.View()), Json(replayed.View()));
        var withCreditAndCoupon = account.State.Invoices[2];
        Assert.True(withCreditAndCoupon is { CreditAppliedMinor: > 0, DiscountMinor: > 0 });
    }

    [Fact]
    public void A_snapshot_of_a_busy_account_must_round_trip_exactly()
    {
        var account = BusyAccount();
        var restored = Assert.IsType<BillingAccountState>(RoundTrip(account.State));
        Assert.Equal(Json(account.State), Json(restored));
        Assert.Equal(Json(account.State.History()), Json(restored.History()));
    }
}
