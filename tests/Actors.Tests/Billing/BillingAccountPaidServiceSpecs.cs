using MediaPlatform.Actors.Billing;
using MediaPlatform.Actors.Billing.Coupons;
using MediaPlatform.Actors.Billing.Payments;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Tests.Billing.Support;
using static MediaPlatform.Actors.Tests.Billing.Support.PureAccount;

namespace MediaPlatform.Actors.Tests.Billing;

/// <summary>
/// Service and credit only from money received: a subscription never paid has no service and yields no credit,
/// its unpaid invoices are voided on change and cancel, and credit for unused time never exceeds what was paid.
/// </summary>
public sealed class BillingAccountPaidServiceSpecs
{
    private static readonly DateTimeOffset Start = BillingSamples.Start;

    [Fact]
    public void Changing_plan_while_the_first_invoice_is_unpaid_must_void_it_and_start_the_new_plan_pending_with_no_credit()
    {
        var account = new PureAccount();
        account.SubscribeUnpaid("premium", "s1");
        account.Now = Start.AddDays(3);
        var order = account.Do<OrderPlaced>(new ChangeSubscriptionPlan(Id, "basic", "c1"));

        Assert.Equal(InvoiceStatus.Void, account.State.FindInvoice("INV-000001")!.Status);
        Assert.Equal((OrderKind.Subscription, 799L, InvoiceStatus.Open), (order.Invoice.Kind, order.Invoice.TotalMinor, order.Invoice.Status));
        Assert.Equal((SubscriptionStatus.PendingPayment, "basic", account.Now, 0L), (order.Account.Status, order.Account.PlanId, order.Account.PeriodStart, order.Account.CreditMinor));
        Assert.Equal(order, account.Do<OrderPlaced>(new ChangeSubscriptionPlan(Id, "basic", "c1"))); // a repeat answers the first
    }

    [Fact]
    public void Cancelling_a_subscription_never_paid_must_end_it_at_once_and_void_its_invoice()
    {
        var account = new PureAccount();
        account.SubscribeUnpaid("premium", "s1");
        var view = account.Do<BillingAccountView>(new CancelSubscription(Id));
        Assert.Equal((SubscriptionStatus.Ended, 0L, 0L), (view.Status, view.CreditMinor, view.BalanceMinor));
        Assert.Equal(InvoiceStatus.Void, account.State.FindInvoice("INV-000001")!.Status);
        account.Refuse(new PayInvoice(Id, "INV-000001", "p1"), RejectionKind.Conflict);
    }

    [Fact]
    public void A_pending_subscription_past_its_period_end_must_end_with_its_invoice_voided()
    {
        var account = new PureAccount();
        account.SubscribeUnpaid("basic", "s1");
        account.Now = Start.AddMonths(1).AddHours(1);
        Assert.Equal(SubscriptionStatus.Ended, account.Do<BillingAccountView>(new AdvanceBillingPeriod(Id)).Status);
        Assert.Equal(InvoiceStatus.Void, account.State.FindInvoice("INV-000001")!.Status);
        Assert.Single(account.State.Invoices); // nothing renewed
    }

    [Fact]
    public void Downgrading_after_a_first_month_paid_wholly_by_a_coupon_must_grant_no_credit()
    {
        var account = new PureAccount();
        account.SubscribeUnpaid("premium", "s1");
        var c = new ApplyCouponToInvoice(Id, "INV-000001", "FREE", "r1");
        account.ApplyCoupon(c, Redeemed(c, CouponKind.Percent, 100, 0));
        Assert.Equal(SubscriptionStatus.Active, account.View.Status); // nothing to pay: service, but no money

        account.Now = Start.AddDays(2);
        var order = account.Do<OrderPlaced>(new ChangeSubscriptionPlan(Id, "basic", "down"));
        Assert.Equal(0, order.Invoice.Lines[0].AmountMinor);
        Assert.Equal(0, order.Account.CreditMinor);
    }

    [Fact]
    public void Downgrading_after_a_half_price_first_month_must_credit_at_most_the_unused_part_of_what_was_paid()
    {
        var account = new PureAccount();
        account.SubscribeUnpaid("premium", "s1");
        var c = new ApplyCouponToInvoice(Id, "INV-000001", "HALF", "r1");
        account.ApplyCoupon(c, Redeemed(c, CouponKind.Percent, 50, 0)); // 2299 - 1149 = 1150 to pay
        account.SetCard();
        account.PayApproved("INV-000001");

        account.Now = Start.AddDays(10); // 21 of 31 days left
        var order = account.Do<OrderPlaced>(new ChangeSubscriptionPlan(Id, "basic", "down"));
        Assert.Equal(-(1150L * 21 / 31), order.Invoice.Lines[0].AmountMinor);
        Assert.Equal(1150L * 21 / 31 - 799L * 21 / 31, order.Account.CreditMinor);
    }

    [Fact]
    public void Upgrading_after_a_first_month_paid_wholly_by_a_coupon_must_credit_no_unused_time()
    {
        var account = new PureAccount();
        account.SubscribeUnpaid("basic", "s1");
        var c = new ApplyCouponToInvoice(Id, "INV-000001", "FREE", "r1");
        account.ApplyCoupon(c, Redeemed(c, CouponKind.Percent, 100, 0));

        account.Now = Start.AddDays(10); // 21 of 31 days left
        var order = account.Do<OrderPlaced>(new ChangeSubscriptionPlan(Id, "premium", "up"));
        Assert.Equal(0, order.Invoice.Lines[0].AmountMinor); // not 799 × 21 / 31: the coupon brought in nothing
        Assert.Equal(2299L * 21 / 31, order.Invoice.TotalMinor);
    }

    [Fact]
    public void Upgrading_after_a_half_price_first_month_must_credit_at_most_the_unused_part_of_what_was_paid()
    {
        var account = new PureAccount();
        account.SubscribeUnpaid("basic", "s1");
        var c = new ApplyCouponToInvoice(Id, "INV-000001", "HALF", "r1");
        account.ApplyCoupon(c, Redeemed(c, CouponKind.Percent, 50, 0)); // 799 - 399 = 400 to pay
        account.SetCard();
        account.PayApproved("INV-000001");

        account.Now = Start.AddDays(10); // 21 of 31 days left
        var order = account.Order(new ChangeSubscriptionPlan(Id, "standard", "up"));
        Assert.Equal(-(400L * 21 / 31), order.Invoice.Lines[0].AmountMinor);
        Assert.Equal(1549L * 21 / 31 - 400L * 21 / 31, order.Invoice.TotalMinor);
        Assert.Equal(("standard", 0L), (order.Account.PlanId, order.Account.CreditMinor));
    }

    [Fact]
    public void An_unpaid_upgrade_must_be_voided_by_the_next_change_and_count_for_nothing()
    {
        var account = new PureAccount();
        account.Subscribe("basic", "s1"); // paid: 799
        account.Now = Start.AddDays(5);
        var up = account.Order(new ChangeSubscriptionPlan(Id, "premium", "up"), new GatewayOutcome.Declined("insufficient funds")); // left open
        Assert.Equal(InvoiceStatus.Open, up.Invoice.Status);

        account.Now = Start.AddDays(6);
        var next = account.Order(new ChangeSubscriptionPlan(Id, "standard", "next"));
        Assert.Equal(InvoiceStatus.Void, account.State.FindInvoice(up.Invoice.InvoiceId)!.Status);
        Assert.Equal("Unused time on Basic (25 of 31 days)", next.Invoice.Lines[0].Description); // from the plan paid for, not premium
        Assert.True(-next.Invoice.Lines[0].AmountMinor <= 799L * 25 / 31, "credit for premium time never paid");
        Assert.Equal(("standard", (string?)null), (next.Account.PlanId, next.Account.PendingPlanId));
        Assert.True(next.Account.CreditMinor <= 799);
    }

    [Fact]
    public void With_an_unpaid_renewal_changing_plan_must_be_refused_and_cancelling_must_end_the_subscription_now()
    {
        var account = new PureAccount();
        account.Subscribe("basic", "s1");
        account.Now = Start.AddMonths(1).AddHours(1);
        account.Do<BillingAccountView>(new AdvanceBillingPeriod(Id)); // renewal INV-000002 open
        Assert.Contains("unpaid", account.Refuse(new ChangeSubscriptionPlan(Id, "premium", "up"), RejectionKind.Conflict).Message);

        var view = account.Do<BillingAccountView>(new CancelSubscription(Id));
        Assert.Equal((SubscriptionStatus.Ended, 0L), (view.Status, view.BalanceMinor));
        Assert.Equal(InvoiceStatus.Void, account.State.FindInvoice("INV-000002")!.Status);
    }
}
