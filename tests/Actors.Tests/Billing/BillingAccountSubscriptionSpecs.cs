using MediaPlatform.Actors.Billing;
using MediaPlatform.Actors.Billing.Payments;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Tests.Billing.Support;
using static MediaPlatform.Actors.Tests.Billing.Support.PureAccount;

namespace MediaPlatform.Actors.Tests.Billing;

/// <summary>Pure rules of subscriptions: subscribe, change plan (prorated), cancel, resume, period turnover.</summary>
public sealed class BillingAccountSubscriptionSpecs
{
    private static readonly DateTimeOffset Start = BillingSamples.Start;

    [Fact]
    public void Subscribe_must_start_a_one_month_period_and_invoice_it_in_full()
    {
        var account = new PureAccount();
        var order = account.SubscribeUnpaid("standard", "sub-1");

        Assert.Equal("sub-1", order.OrderKey);
        Assert.Equal((SubscriptionStatus.PendingPayment, "standard", Start, Start.AddMonths(1), false),
            (order.Account.Status, order.Account.PlanId, order.Account.PeriodStart, order.Account.PeriodEnd, order.Account.CancelAtPeriodEnd));
        var invoice = order.Invoice;
        Assert.Equal(("INV-000001", OrderKind.Subscription, "standard", InvoiceStatus.Open), (invoice.InvoiceId, invoice.Kind, invoice.Reference, invoice.Status));
        Assert.Equal(new InvoiceLine("Standard plan, 2026-01-10 to 2026-02-10", 1549), Assert.Single(invoice.Lines));
        Assert.Equal((1549L, 1549L, 1549L), (invoice.TotalMinor, invoice.AmountDueMinor, order.Account.BalanceMinor));
        Assert.Equal([typeof(InvoiceIssued), typeof(SubscriptionStarted)], account.LastEvents.Select(e => e.GetType()));

        account.SetCard();
        Assert.Equal(InvoiceStatus.Paid, account.PayApproved("INV-000001").Invoice.Status);
        Assert.Equal(SubscriptionStatus.Active, account.View.Status);
    }

    [Fact]
    public void Subscribe_with_a_card_must_charge_the_first_invoice_at_once_and_be_active_only_when_it_is_paid()
    {
        var paid = new PureAccount().Subscribe("standard", "sub-1");
        Assert.Equal((InvoiceStatus.Paid, 1549L, SubscriptionStatus.Active), (paid.Invoice.Status, paid.Invoice.AmountPaidMinor, paid.Account.Status));

        var account = new PureAccount();
        var declined = account.Subscribe("standard", "sub-1", new GatewayOutcome.Declined("insufficient funds"));
        Assert.Equal((InvoiceStatus.Open, SubscriptionStatus.PendingPayment), (declined.Invoice.Status, declined.Account.Status));
        Assert.Equal(PaymentStatus.Declined, Assert.Single(account.State.Payments).Status);
    }

    [Fact]
    public void Subscribe_repeated_with_the_same_key_must_answer_the_first_order_and_persist_nothing()
    {
        var account = new PureAccount();
        var first = account.Subscribe("basic", "k1");
        var again = account.Subscribe("basic", "k1");
        Assert.Empty(account.LastEvents);
        Assert.Equal(first.Invoice.InvoiceId, again.Invoice.InvoiceId);
        Assert.Single(account.State.Invoices);
    }

    [Fact]
    public void Subscribe_with_a_key_already_used_for_another_order_must_be_unprocessable()
    {
        var account = new PureAccount();
        account.Subscribe("basic", "k1");
        account.Refuse(new SubscribeToPlan(Id, "premium", "k1"), RejectionKind.Unprocessable);
        account.Refuse(new ChangeSubscriptionPlan(Id, "premium", "k1"), RejectionKind.Unprocessable);
        account.Refuse(new PurchaseTitle(Id, "t", 100, "USD", "k1"), RejectionKind.Unprocessable);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("colon:key")]
    [InlineData("a-key-that-is-longer-than-sixty-four-characters-is-refused-xxxxxx")]
    public void Subscribe_with_a_malformed_key_must_be_invalid(string key) =>
        new PureAccount().Refuse(new SubscribeToPlan(Id, "basic", key), RejectionKind.Invalid);

    [Fact]
    public void Subscribe_to_an_unknown_plan_must_be_invalid() =>
        new PureAccount().Refuse(new SubscribeToPlan(Id, "gold", "k"), RejectionKind.Invalid);

    [Fact]
    public void Subscribe_while_subscribed_must_be_a_conflict_even_when_cancellation_is_pending()
    {
        var account = new PureAccount();
        account.Subscribe("basic", "k1");
        account.Refuse(new SubscribeToPlan(Id, "premium", "k2"), RejectionKind.Conflict);
        account.Do<BillingAccountView>(new CancelSubscription(Id));
        account.Refuse(new SubscribeToPlan(Id, "premium", "k2"), RejectionKind.Conflict);
    }

    [Fact]
    public void Subscribe_after_the_subscription_ended_must_start_a_new_one_now()
    {
        var account = new PureAccount();
        account.Subscribe("basic", "k1");
        account.Do<BillingAccountView>(new CancelSubscription(Id));
        account.Now = Start.AddMonths(1).AddDays(3);
        account.Do<BillingAccountView>(new AdvanceBillingPeriod(Id));
        var order = account.Subscribe("premium", "k2");
        Assert.Equal((SubscriptionStatus.Active, "premium", account.Now), (order.Account.Status, order.Account.PlanId, order.Account.PeriodStart));
    }

    [Fact]
    public void Orders_must_be_refused_once_the_account_has_too_many_unpaid_invoices()
    {
        var account = new PureAccount();
        for (var i = 0; i < BillingAccountState.MaxOpenInvoices; i++) account.Buy($"t{i}", 100, $"b{i}");
        account.Refuse(new SubscribeToPlan(Id, "basic", "sub"), RejectionKind.Conflict);
        account.Refuse(new PurchaseTitle(Id, "one-more", 100, "USD", "more"), RejectionKind.Conflict);
        account.Buy("t0", 100, "b0"); // a repeat is still answered
    }

    [Fact]
    public void Upgrade_must_credit_the_unused_old_plan_and_charge_the_new_plan_for_the_days_left()
    {
        var account = new PureAccount();
        account.Subscribe("basic", "k1");
        account.Now = Start.AddDays(16).AddHours(3); // 14 whole days of 31 left
        var order = account.Order(new ChangeSubscriptionPlan(Id, "premium", "up"), new GatewayOutcome.Declined("insufficient funds"));

        Assert.Equal(
            [new InvoiceLine("Unused time on Basic (14 of 31 days)", -360), new InvoiceLine("Remaining time on Premium (14 of 31 days)", 1038)],
            order.Invoice.Lines);
        Assert.Equal((OrderKind.PlanChange, 678L, InvoiceStatus.Open), (order.Invoice.Kind, order.Invoice.TotalMinor, order.Invoice.Status));
        // Unpaid: still basic, the upgrade waits for its invoice.
        Assert.Equal(("basic", "premium", order.Invoice.InvoiceId, Start.AddMonths(1)),
            (order.Account.PlanId, order.Account.PendingPlanId, order.Account.PendingPlanInvoiceId, order.Account.PeriodEnd)); // same period
        Assert.Equal(678, order.Account.BalanceMinor); // the first month was paid when subscribing
        Assert.Equal([typeof(InvoiceIssued), typeof(SubscriptionPlanChangeRequested), typeof(PaymentStarted), typeof(PaymentDeclined)],
            account.LastEvents.Select(e => e.GetType()));
    }

    [Fact]
    public void Downgrade_must_turn_the_difference_into_account_credit_used_by_the_next_invoice()
    {
        var account = new PureAccount();
        account.SetCard();
        account.Subscribe("premium", "k1");
        account.Now = Start.AddDays(10); // 21 of 31 days left
        var order = account.Do<OrderPlaced>(new ChangeSubscriptionPlan(Id, "basic", "down"));

        var expected = 799 * 21 / 31 - 2299 * 21 / 31; // 541 - 1557
        Assert.Equal((expected, InvoiceStatus.Paid, 0L), (order.Invoice.TotalMinor, order.Invoice.Status, order.Invoice.AmountDueMinor));
        Assert.Equal((-expected, expected), (order.Account.CreditMinor, order.Account.BalanceMinor));

        account.Now = Start.AddMonths(1);
        var renewed = account.Do<BillingAccountView>(new AdvanceBillingPeriod(Id));
        var renewal = account.State.Invoices[^1];
        Assert.Equal((799L, 799L, 0L), (renewal.SubtotalMinor, renewal.CreditAppliedMinor, renewal.TotalMinor));
        Assert.Equal((-expected - 799, -expected - 799), (renewed.CreditMinor, -renewed.BalanceMinor));
    }

    [Fact]
    public void Change_plan_repeated_with_the_same_key_must_answer_the_first_order()
    {
        var account = new PureAccount();
        account.Subscribe("basic", "k1");
        var first = account.Order(new ChangeSubscriptionPlan(Id, "premium", "up"), new GatewayOutcome.Declined("insufficient funds"));
        var again = account.Do<OrderPlaced>(new ChangeSubscriptionPlan(Id, "premium", "up"));
        Assert.Empty(account.LastEvents);
        Assert.Equal(first.Invoice, again.Invoice with { Lines = first.Invoice.Lines });
        account.Refuse(new ChangeSubscriptionPlan(Id, "standard", "up"), RejectionKind.Unprocessable);
    }

    [Fact]
    public void Change_plan_must_be_refused_without_an_active_subscription_to_the_same_plan_or_an_unknown_plan_or_after_the_period()
    {
        var account = new PureAccount();
        account.Refuse(new ChangeSubscriptionPlan(Id, "premium", "k"), RejectionKind.Conflict);
        account.Subscribe("basic", "k1");
        account.Refuse(new ChangeSubscriptionPlan(Id, "basic", "k"), RejectionKind.Conflict);
        account.Refuse(new ChangeSubscriptionPlan(Id, "gold", "k"), RejectionKind.Invalid);
        account.Refuse(new ChangeSubscriptionPlan(Id, "premium", "bad key"), RejectionKind.Invalid);
        account.Now = Start.AddMonths(1);
        account.Refuse(new ChangeSubscriptionPlan(Id, "premium", "k"), RejectionKind.Conflict);
    }

    [Fact]
    public void Cancel_must_keep_the_subscription_until_the_period_end_and_repeat_without_persisting()
    {
        var account = new PureAccount();
        account.Subscribe("basic", "k1");
        var view = account.Do<BillingAccountView>(new CancelSubscription(Id));
        Assert.Equal((SubscriptionStatus.Active, true), (view.Status, view.CancelAtPeriodEnd));
        var scheduled = Assert.IsType<SubscriptionCancellationScheduled>(Assert.Single(account.LastEvents));
        Assert.Equal(Start.AddMonths(1), scheduled.EffectiveAt);

        account.Do<BillingAccountView>(new CancelSubscription(Id));
        Assert.Empty(account.LastEvents);
    }

    [Fact]
    public void Cancel_without_an_active_subscription_must_be_a_conflict() =>
        new PureAccount().Refuse(new CancelSubscription(Id), RejectionKind.Conflict);

    [Fact]
    public void Resume_must_take_back_a_pending_cancellation_before_the_period_ends()
    {
        var account = new PureAccount();
        account.Subscribe("basic", "k1");
        account.Do<BillingAccountView>(new ResumeSubscription(Id));
        Assert.Empty(account.LastEvents); // nothing to resume

        account.Do<BillingAccountView>(new CancelSubscription(Id));
        var view = account.Do<BillingAccountView>(new ResumeSubscription(Id));
        Assert.False(view.CancelAtPeriodEnd);
        Assert.IsType<SubscriptionResumed>(Assert.Single(account.LastEvents));
    }

    [Fact]
    public void Resume_without_a_subscription_or_after_the_period_end_must_be_a_conflict()
    {
        var account = new PureAccount();
        account.Refuse(new ResumeSubscription(Id), RejectionKind.Conflict);
        account.Subscribe("basic", "k1");
        account.Do<BillingAccountView>(new CancelSubscription(Id));
        account.Now = Start.AddMonths(1);
        account.Refuse(new ResumeSubscription(Id), RejectionKind.Conflict);
    }

    [Fact]
    public void Advance_before_the_period_end_or_without_a_subscription_must_do_nothing()
    {
        var account = new PureAccount();
        account.Do<BillingAccountView>(new AdvanceBillingPeriod(Id));
        Assert.Empty(account.LastEvents);
        account.Subscribe("basic", "k1");
        account.Now = Start.AddMonths(1).AddTicks(-1);
        account.Do<BillingAccountView>(new AdvanceBillingPeriod(Id));
        Assert.Empty(account.LastEvents);
    }

    [Fact]
    public void Advance_at_the_period_end_must_renew_with_an_invoice_for_the_next_period_once()
    {
        var account = new PureAccount();
        account.Subscribe("standard", "k1");
        account.Now = Start.AddMonths(1);
        var view = account.Do<BillingAccountView>(new AdvanceBillingPeriod(Id));

        Assert.Equal((Start.AddMonths(1), Start.AddMonths(2)), (view.PeriodStart, view.PeriodEnd));
        var renewal = account.State.Invoices[^1];
        Assert.Equal((OrderKind.Renewal, 1549L), (renewal.Kind, renewal.TotalMinor));
        Assert.Equal("Standard plan, 2026-02-10 to 2026-03-10", Assert.Single(renewal.Lines).Description);

        account.Do<BillingAccountView>(new AdvanceBillingPeriod(Id));
        Assert.Empty(account.LastEvents);
    }

    [Fact]
    public void Advance_after_several_missed_periods_must_renew_each_one_anchored_to_the_start_day()
    {
        var jan31 = new DateTimeOffset(2026, 1, 31, 9, 0, 0, TimeSpan.Zero);
        var account = new PureAccount(jan31);
        account.Subscribe("basic", "k1");
        account.Now = new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);
        var view = account.Do<BillingAccountView>(new AdvanceBillingPeriod(Id));

        var ends = account.State.Invoices.Skip(1).Select(i => i.Lines[0].Description).ToList();
        Assert.Equal(["Basic plan, 2026-02-28 to 2026-03-31", "Basic plan, 2026-03-31 to 2026-04-30"], ends);
        Assert.Equal(new DateTimeOffset(2026, 4, 30, 9, 0, 0, TimeSpan.Zero), view.PeriodEnd);
        Assert.Equal(2 * 799, view.BalanceMinor); // the first month was paid when subscribing
    }

    [Fact]
    public void Advance_must_catch_up_at_most_a_bounded_number_of_periods_per_command()
    {
        var account = new PureAccount();
        account.Subscribe("basic", "k1");
        account.Now = Start.AddYears(2);
        account.Do<BillingAccountView>(new AdvanceBillingPeriod(Id));
        Assert.Equal(2 * BillingAccountState.MaxPeriodsPerAdvance, account.LastEvents.Count);
        account.Do<BillingAccountView>(new AdvanceBillingPeriod(Id));
        Assert.Equal(2 * BillingAccountState.MaxPeriodsPerAdvance, account.LastEvents.Count);
        Assert.Equal(Start.AddMonths(25), account.View.PeriodEnd);
    }

    [Fact]
    public void Advance_at_the_end_of_a_cancelled_period_must_end_the_subscription_without_an_invoice()
    {
        var account = new PureAccount();
        account.Subscribe("basic", "k1");
        account.Do<BillingAccountView>(new CancelSubscription(Id));
        account.Now = Start.AddMonths(1).AddHours(1);
        var view = account.Do<BillingAccountView>(new AdvanceBillingPeriod(Id));

        Assert.Equal((SubscriptionStatus.Ended, false), (view.Status, view.CancelAtPeriodEnd));
        Assert.Equal(Start.AddMonths(1), Assert.IsType<SubscriptionEnded>(Assert.Single(account.LastEvents)).EndedAt);
        Assert.Single(account.State.Invoices);
        account.Do<BillingAccountView>(new AdvanceBillingPeriod(Id));
        Assert.Empty(account.LastEvents);
        account.Refuse(new CancelSubscription(Id), RejectionKind.Conflict);
    }
}
