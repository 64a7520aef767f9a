using MediaPlatform.Actors.Billing;
using MediaPlatform.Actors.Billing.Coupons;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Tests.Billing.Support;
using static MediaPlatform.Actors.Tests.Billing.Support.PureAccount;

namespace MediaPlatform.Actors.Tests.Billing;

/// <summary>Pure rules of coupons on invoices: checked first, applied only after the coupon entity accepted.</summary>
public sealed class BillingAccountCouponSpecs
{
    private static ApplyCouponToInvoice Apply(string invoice = "INV-000001", string code = "SAVE10", string redemption = "r1") =>
        new(Id, invoice, code, redemption);

    [Fact]
    public void Apply_must_first_ask_for_a_redemption_and_persist_nothing()
    {
        var account = new PureAccount();
        account.Buy("t", 999, "b");
        var need = account.Do<BillingAccountState.CouponRedemptionNeeded>(Apply());
        Assert.Equal(new RedeemCoupon("SAVE10", Id, "INV-000001", "r1", "USD"), need.Request);
        Assert.Empty(account.LastEvents);
    }

    [Fact]
    public void A_percent_coupon_must_discount_the_invoice_rounding_the_discount_down()
    {
        var account = new PureAccount();
        account.Buy("t", 999, "b");
        var c = Apply();
        var invoice = account.ApplyCoupon(c, Redeemed(c, CouponKind.Percent, 15, 0));

        Assert.Equal((999L, 149L, "SAVE10", 850L, 850L), (invoice.SubtotalMinor, invoice.DiscountMinor, invoice.CouponCode, invoice.TotalMinor, invoice.AmountDueMinor));
        Assert.Equal(850, account.View.BalanceMinor);
        var applied = Assert.IsType<CouponAppliedToInvoice>(Assert.Single(account.LastEvents));
        Assert.Equal(("r1", 149L), (applied.RedemptionId, applied.DiscountMinor));
    }

    [Fact]
    public void A_fixed_coupon_must_discount_at_most_the_invoice_amount_and_a_full_discount_settles_the_invoice()
    {
        var account = new PureAccount();
        account.Buy("t1", 300, "b1");
        account.Buy("t2", 300, "b2");
        var small = Apply("INV-000001");
        Assert.Equal(200, account.ApplyCoupon(small, Redeemed(small, CouponKind.FixedAmount, 0, 100, "USD")).TotalMinor);

        var large = Apply("INV-000002", "BIG", "r2");
        var invoice = account.ApplyCoupon(large, Redeemed(large, CouponKind.FixedAmount, 0, 5000, "USD"));
        Assert.Equal((300L, 0L, InvoiceStatus.Paid), (invoice.DiscountMinor, invoice.TotalMinor, invoice.Status));
        Assert.Equal(200, account.View.BalanceMinor);
    }

    [Fact]
    public void Apply_repeated_with_the_same_redemption_must_answer_the_invoice_without_asking_again()
    {
        var account = new PureAccount();
        account.Buy("t", 1000, "b");
        var c = Apply();
        var first = account.ApplyCoupon(c, Redeemed(c, CouponKind.Percent, 10, 0));
        var again = account.Do<InvoiceView>(c);
        Assert.Empty(account.LastEvents);
        Assert.Equal((first.TotalMinor, first.DiscountMinor), (again.TotalMinor, again.DiscountMinor));
    }

    [Fact]
    public void Apply_to_an_invoice_that_already_has_a_coupon_must_be_a_conflict()
    {
        var account = new PureAccount();
        account.Buy("t", 1000, "b");
        var c = Apply();
        account.ApplyCoupon(c, Redeemed(c, CouponKind.Percent, 10, 0));
        account.Refuse(Apply(redemption: "r2"), RejectionKind.Conflict);
        account.Refuse(Apply(code: "OTHER"), RejectionKind.Conflict);
    }

    [Fact]
    public void Apply_to_an_unknown_paid_or_void_invoice_or_during_a_payment_must_be_refused()
    {
        var account = new PureAccount();
        account.SetCard();
        account.Buy("t1", 100, "b1");
        account.Buy("t2", 100, "b2");
        account.Buy("t3", 100, "b3");
        account.PayApproved("INV-000001");
        account.Do<InvoiceView>(new VoidInvoice(Id, "INV-000002"));
        account.StartPayment("INV-000003", "p3");

        account.Refuse(Apply("INV-000009"), RejectionKind.NotFound);
        account.Refuse(Apply("INV-000001"), RejectionKind.Conflict);
        account.Refuse(Apply("INV-000002"), RejectionKind.Conflict);
        account.Refuse(Apply("INV-000003"), RejectionKind.Conflict);
    }

    [Theory]
    [InlineData("save10", "r1")] // not normalized
    [InlineData("S", "r1")]
    [InlineData("SAVE10", "")]
    [InlineData("SAVE10", "bad id")]
    public void Apply_with_a_malformed_code_or_redemption_id_must_be_invalid(string code, string redemption)
    {
        var account = new PureAccount();
        account.Buy("t", 100, "b");
        account.Refuse(Apply(code: code, redemption: redemption), RejectionKind.Invalid);
    }

    [Fact]
    public void After_redemption_the_discount_must_not_be_applied_if_the_invoice_was_paid_meanwhile()
    {
        var account = new PureAccount();
        account.SetCard();
        account.Buy("t", 100, "b");
        var c = Apply();
        account.Do<BillingAccountState.CouponRedemptionNeeded>(c);
        account.PayApproved("INV-000001");
        account.Refuse(account.State.AfterCouponRedeemed(c, Redeemed(c, CouponKind.Percent, 10, 0), account.Now), RejectionKind.Conflict);
    }

    [Fact]
    public void After_redemption_an_answer_for_a_different_redemption_must_be_a_conflict()
    {
        var account = new PureAccount();
        account.Buy("t", 100, "b");
        var c = Apply();
        var wrong = Redeemed(c, CouponKind.Percent, 10, 0) with { RedemptionId = "someone-else" };
        account.Refuse(account.State.AfterCouponRedeemed(c, wrong, account.Now), RejectionKind.Conflict);
    }

    [Fact]
    public void A_coupon_must_discount_what_is_left_after_account_credit()
    {
        var account = new PureAccount();
        account.SetCard();
        account.Subscribe("premium", "s");
        account.Now = BillingSamples.Start.AddDays(10);
        account.Do<OrderPlaced>(new ChangeSubscriptionPlan(Id, "basic", "down")); // 1016 credit
        var order = account.Buy("t", 2016, "b");
        Assert.Equal(1016, order.Invoice.CreditAppliedMinor);

        var c = Apply(order.Invoice.InvoiceId);
        var invoice = account.ApplyCoupon(c, Redeemed(c, CouponKind.Percent, 50, 0));
        Assert.Equal((500L, 500L), (invoice.DiscountMinor, invoice.TotalMinor));
    }
}
