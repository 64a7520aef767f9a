using MediaPlatform.Actors.Billing;
using MediaPlatform.Actors.Billing.Coupons;
using MediaPlatform.Actors.Billing.Payments;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Tests.Billing.Support;
using static MediaPlatform.Actors.Tests.Billing.Support.PureAccount;

namespace MediaPlatform.Actors.Tests.Billing;

/// <summary>
/// An upgrade gives no service until it is paid: the plan stays until the plan-change invoice is paid (card at once,
/// a later payment, credit, or a coupon); cancel, another change or the period end voids it; a downgrade applies at once.
/// </summary>
public sealed class BillingAccountUpgradeSpecs
{
    private static readonly DateTimeOffset Start = BillingSamples.Start;
    private static readonly GatewayOutcome Declined = new GatewayOutcome.Declined("insufficient funds");

    private static PureAccount PaidBasic()
    {
        var account = new PureAccount();
        account.Subscribe("basic", "s1"); // card on file, 799 paid
        account.Now = Start.AddDays(10); // 21 of 31 days left
        return account;
    }

    [Fact]
    public void An_upgrade_with_a_card_must_be_charged_at_once_under_the_first_payment_key_and_then_apply()
    {
        var account = PaidBasic();
        var order = account.Order(new ChangeSubscriptionPlan(Id, "premium", "up"));

        Assert.Equal([typeof(InvoiceIssued), typeof(SubscriptionPlanChangeRequested), typeof(PaymentStarted), typeof(PaymentSucceeded)],
            account.LastEvents.Select(e => e.GetType()));
        Assert.Equal(BillingAccountState.FirstPaymentKey("INV-000002"), account.State.Payments[^1].Key);
        Assert.Equal(InvoiceStatus.Paid, order.Invoice.Status);
        Assert.Equal(("premium", (string?)null, (string?)null), (order.Account.PlanId, order.Account.PendingPlanId, order.Account.PendingPlanInvoiceId));
    }

    [Fact]
    public void A_declined_upgrade_must_keep_the_old_plan_until_its_invoice_is_paid()
    {
        var account = PaidBasic();
        var order = account.Order(new ChangeSubscriptionPlan(Id, "premium", "up"), Declined);

        Assert.Equal((InvoiceStatus.Open, "basic", "premium", "INV-000002"),
            (order.Invoice.Status, order.Account.PlanId, order.Account.PendingPlanId, order.Account.PendingPlanInvoiceId));
        Assert.Equal(SubscriptionStatus.Active, order.Account.Status); // the paid basic service goes on

        account.SetCard(BillingSamples.Card("4444", "card_2"));
        account.PayApproved("INV-000002", "pay-up");
        Assert.Equal(("premium", (string?)null), (account.View.PlanId, account.View.PendingPlanId));
    }

    [Fact]
    public void An_upgrade_without_a_card_must_wait_and_a_coupon_bringing_it_to_zero_must_apply_it()
    {
        var account = new PureAccount();
        account.SubscribeUnpaid("basic", "s1");
        var free = new ApplyCouponToInvoice(Id, "INV-000001", "FREE", "r1");
        account.ApplyCoupon(free, Redeemed(free, CouponKind.Percent, 100, 0)); // active, no card
        account.Now = Start.AddDays(10);

        var order = account.Order(new ChangeSubscriptionPlan(Id, "standard", "up"));
        Assert.Equal([typeof(InvoiceIssued), typeof(SubscriptionPlanChangeRequested)], account.LastEvents.Select(e => e.GetType()));
        Assert.Equal(("basic", "standard"), (order.Account.PlanId, order.Account.PendingPlanId));

        var c = new ApplyCouponToInvoice(Id, "INV-000002", "FREE2", "r2");
        account.ApplyCoupon(c, Redeemed(c, CouponKind.Percent, 100, 0));
        Assert.Equal(("standard", (string?)null), (account.View.PlanId, account.View.PendingPlanId));
    }

    [Fact]
    public void An_upgrade_credit_pays_in_full_must_apply_at_once()
    {
        var account = new PureAccount();
        account.Subscribe("premium", "s1"); // 2299 paid
        account.Now = Start.AddDays(10);
        account.Order(new ChangeSubscriptionPlan(Id, "basic", "down")); // 1016 credit: a downgrade applies at once
        Assert.Equal(("basic", 1016L), (account.View.PlanId, account.View.CreditMinor));

        var up = account.Order(new ChangeSubscriptionPlan(Id, "standard", "up"));
        Assert.Equal((InvoiceStatus.Paid, 0L), (up.Invoice.Status, up.Invoice.TotalMinor));
        Assert.True(up.Invoice.CreditAppliedMinor > 0);
        Assert.Equal([typeof(InvoiceIssued), typeof(SubscriptionPlanChanged)], account.LastEvents.Select(e => e.GetType()));
        Assert.Equal(("standard", (string?)null), (account.View.PlanId, account.View.PendingPlanId));
    }

    [Fact]
    public void Cancelling_must_void_an_unpaid_upgrade_and_keep_the_old_plan_to_the_period_end()
    {
        var account = PaidBasic();
        account.Order(new ChangeSubscriptionPlan(Id, "premium", "up"), Declined);

        var view = account.Do<BillingAccountView>(new CancelSubscription(Id));
        Assert.Equal(("basic", (string?)null, true, SubscriptionStatus.Active), (view.PlanId, view.PendingPlanId, view.CancelAtPeriodEnd, view.Status));
        Assert.Equal(InvoiceStatus.Void, account.State.FindInvoice("INV-000002")!.Status);
        account.Refuse(new PayInvoice(Id, "INV-000002", "late"), RejectionKind.Conflict);
    }

    [Fact]
    public void The_period_end_must_void_an_unpaid_upgrade_and_renew_the_old_plan()
    {
        var account = PaidBasic();
        account.Order(new ChangeSubscriptionPlan(Id, "premium", "up"), Declined);

        account.Now = Start.AddMonths(1).AddHours(1);
        var view = account.Do<BillingAccountView>(new AdvanceBillingPeriod(Id));
        Assert.Equal(InvoiceStatus.Void, account.State.FindInvoice("INV-000002")!.Status);
        Assert.Equal(("basic", (string?)null), (view.PlanId, view.PendingPlanId));
        Assert.Equal((OrderKind.Renewal, "basic", 799L), (account.State.Invoices[^1].Kind, account.State.Invoices[^1].Reference, account.State.Invoices[^1].TotalMinor));
    }

    [Fact]
    public void The_period_end_must_wait_while_a_charge_on_the_upgrade_is_unanswered()
    {
        var account = PaidBasic();
        account.Order(new ChangeSubscriptionPlan(Id, "premium", "up"), new GatewayOutcome.TimedOut("no answer"));
        account.Now = Start.AddMonths(1).AddHours(1);
        account.Do<BillingAccountView>(new AdvanceBillingPeriod(Id));
        Assert.Empty(account.LastEvents);
        Assert.Equal(("basic", "premium"), (account.View.PlanId, account.View.PendingPlanId));
    }

    [Fact]
    public void A_repeat_must_retry_an_unanswered_charge_under_the_same_key_and_never_charge_twice()
    {
        var account = PaidBasic();
        var first = account.Order(new ChangeSubscriptionPlan(Id, "premium", "up"), new GatewayOutcome.TimedOut("no answer"));
        Assert.Equal(("basic", "premium"), (first.Account.PlanId, first.Account.PendingPlanId));
        var attempt = account.State.PendingPaymentOn("INV-000002")!;

        var retry = account.Do<BillingAccountState.OrderChargeNeeded>(new ChangeSubscriptionPlan(Id, "premium", "up"));
        Assert.Empty(account.LastEvents);
        Assert.Equal((attempt, false, "INV-000002"), (retry.Call.Attempt, retry.Call.Void, retry.InvoiceId));

        var placed = account.Take<OrderPlaced>(account.State.AfterOrderCharge(attempt.Key, new GatewayOutcome.Approved("ch_1"), "INV-000002", account.Now));
        Assert.Equal("premium", placed.Account.PlanId);
        account.Do<OrderPlaced>(new ChangeSubscriptionPlan(Id, "premium", "up")); // answered, nothing new
        Assert.Empty(account.LastEvents);
        Assert.Single(account.State.Payments, p => p.InvoiceId == "INV-000002");
    }

    [Fact]
    public void While_an_upgrade_waits_changing_to_it_or_back_must_be_refused_and_voiding_its_invoice_drops_it()
    {
        var account = PaidBasic();
        account.Order(new ChangeSubscriptionPlan(Id, "premium", "up"), Declined);

        Assert.Contains("INV-000002", account.Refuse(new ChangeSubscriptionPlan(Id, "premium", "up-again"), RejectionKind.Conflict).Message);
        Assert.Contains("void invoice INV-000002", account.Refuse(new ChangeSubscriptionPlan(Id, "basic", "back"), RejectionKind.Conflict).Message);

        account.Do<InvoiceView>(new VoidInvoice(Id, "INV-000002"));
        Assert.Equal(("basic", (string?)null), (account.View.PlanId, account.View.PendingPlanId));
    }

    [Fact]
    public void An_upgrade_partly_paid_by_credit_and_then_voided_must_give_the_credit_back()
    {
        var account = new PureAccount();
        account.Subscribe("premium", "s1");
        account.Now = Start.AddDays(10);
        account.Order(new ChangeSubscriptionPlan(Id, "basic", "down"));
        account.Buy("title-1", 900, "b1"); // 900 of the 1016 credit
        var credit = account.View.CreditMinor;

        var up = account.Order(new ChangeSubscriptionPlan(Id, "premium", "up"), Declined);
        Assert.Equal((credit, "basic", "premium"), (up.Invoice.CreditAppliedMinor, up.Account.PlanId, up.Account.PendingPlanId));
        account.Do<BillingAccountView>(new CancelSubscription(Id));
        Assert.Equal((credit, "basic"), (account.View.CreditMinor, account.View.PlanId));
    }

    [Fact]
    public void A_journal_with_an_unpaid_plan_change_applied_must_recover_as_before()
    {
        // Written before upgrades waited for payment: the plan changed with its invoice still open.
        var invoice = new Invoice("INV-000002", 2, OrderKind.PlanChange, "premium", "up", "PlanChange:premium", "USD", Start.AddDays(10),
            [new InvoiceLine("Remaining time on Premium", 1000)], 0, null, 0, InvoiceStatus.Open);
        IBillingAccountEvent[] journal =
        [
            new BillingAccountOpened(Id, Id, "USD", Start),
            new InvoiceIssued(new Invoice("INV-000001", 1, OrderKind.Subscription, "basic", "s1", "Subscription:basic", "USD", Start,
                [new InvoiceLine("Basic", 799)], 0, null, 799, InvoiceStatus.Paid)),
            new SubscriptionStarted("basic", Start, Start.AddMonths(1), "INV-000001", Start),
            new InvoiceIssued(invoice),
            new SubscriptionPlanChanged("basic", "premium", "INV-000002", Start.AddDays(10)),
        ];
        var state = journal.Aggregate(BillingAccountState.Empty(Id), (s, e) => s.Apply(e));
        Assert.Equal(("premium", SubscriptionStatus.Active, (string?)null), (state.View().PlanId, state.View().Status, state.View().PendingPlanId));
        Assert.Equal(["INV-000001", "INV-000002"], state.Subscription!.PeriodInvoices!);
    }
}
