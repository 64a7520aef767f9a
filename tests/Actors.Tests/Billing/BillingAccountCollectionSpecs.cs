using MediaPlatform.Actors.Billing;
using MediaPlatform.Actors.Billing.Payments;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Tests.Billing.Support;
using static MediaPlatform.Actors.Tests.Billing.Support.PureAccount;

namespace MediaPlatform.Actors.Tests.Billing;

/// <summary>Pure rules of collecting renewals under the dunning policy (what the billing cycle asks of each account).</summary>
public sealed class BillingAccountCollectionSpecs
{
    private static readonly DunningPolicy Policy = new([TimeSpan.FromDays(1), TimeSpan.FromDays(3)]);

    /// <summary>A subscriber whose first month is paid and whose period has just been renewed (INV-000002 open).</summary>
    private static PureAccount Renewed(BillingCard? card = null)
    {
        var account = new PureAccount();
        account.SetCard(card);
        account.Subscribe("basic", "sub-1");
        account.Now = account.State.Subscription!.PeriodEnd.AddHours(1);
        account.Do<BillingAccountView>(new AdvanceBillingPeriod(Id));
        return account;
    }

    private static object Collect(PureAccount account) => account.Do<object>(new CollectRenewalPayment(Id, Policy));

    /// <summary>The gateway declines: the decline is recorded and answered as a PaymentFailed rejection.</summary>
    private static void Decline(PureAccount account, string key) =>
        Assert.Equal(RejectionKind.PaymentFailed, account.Take<Rejection>(account.GatewayAnswers(key, new GatewayOutcome.Declined("insufficient funds"))).Kind);

    [Fact]
    public void Collect_without_an_open_renewal_must_answer_nothing_due_and_persist_nothing()
    {
        var account = new PureAccount();
        account.SetCard();
        account.Subscribe();

        var answer = Assert.IsType<RenewalCollection>(Collect(account)); // the first month's invoice is an order, not a renewal
        Assert.Equal(CollectionOutcome.NothingDue, answer.Outcome);
        Assert.Empty(account.LastEvents);
    }

    [Fact]
    public void Collect_must_charge_the_renewal_under_attempt_one_key_and_then_have_nothing_due()
    {
        var account = Renewed();

        var call = Assert.IsType<BillingAccountState.GatewayCallNeeded>(Collect(account));
        Assert.Equal(("auto-INV-000002-1", "INV-000002"), (call.Attempt.Key, call.Attempt.InvoiceId));
        account.Take<PaymentReceipt>(account.GatewayAnswers(call.Attempt.Key, new GatewayOutcome.Approved("ch_1")));

        Assert.Equal(CollectionOutcome.NothingDue, Assert.IsType<RenewalCollection>(Collect(account)).Outcome);
        Assert.Single(account.State.Payments, p => p is { InvoiceId: "INV-000002", Status: PaymentStatus.Succeeded });
    }

    [Fact]
    public void Collect_while_an_attempt_is_pending_must_retry_that_attempt_with_its_own_key()
    {
        var account = Renewed();
        var first = Assert.IsType<BillingAccountState.GatewayCallNeeded>(Collect(account));

        var again = Assert.IsType<BillingAccountState.GatewayCallNeeded>(Collect(account));

        Assert.Equal(first.Attempt.Key, again.Attempt.Key);
        Assert.Empty(account.LastEvents);
    }

    [Fact]
    public void A_declined_renewal_must_be_retried_after_each_wait_of_the_policy_and_then_suspend_the_subscription()
    {
        var account = Renewed();
        var declinedAt = account.Now;
        Decline(account, Assert.IsType<BillingAccountState.GatewayCallNeeded>(Collect(account)).Attempt.Key);

        var waiting = Assert.IsType<RenewalCollection>(Collect(account));
        Assert.Equal((CollectionOutcome.NotYetDue, 1, declinedAt.AddDays(1)), (waiting.Outcome, waiting.FailedAttempts, waiting.NextAttemptAt));

        account.Now = declinedAt.AddDays(1);
        var second = Assert.IsType<BillingAccountState.GatewayCallNeeded>(Collect(account));
        Assert.Equal("auto-INV-000002-2", second.Attempt.Key);
        Decline(account, second.Attempt.Key);

        account.Now = account.Now.AddDays(3);
        var third = Assert.IsType<BillingAccountState.GatewayCallNeeded>(Collect(account));
        Assert.Equal("auto-INV-000002-3", third.Attempt.Key);
        Decline(account, third.Attempt.Key);

        var suspended = Assert.IsType<RenewalCollection>(Collect(account));
        Assert.Equal((CollectionOutcome.Suspended, 3), (suspended.Outcome, suspended.FailedAttempts));
        Assert.IsType<SubscriptionSuspended>(Assert.Single(account.LastEvents));
        Assert.Equal(SubscriptionStatus.Suspended, account.View.Status);
        Assert.Equal(CollectionOutcome.Suspended, Assert.IsType<RenewalCollection>(Collect(account)).Outcome);
        Assert.Empty(account.LastEvents);
    }

    [Fact]
    public void A_suspended_subscription_must_not_renew_and_the_account_may_subscribe_again()
    {
        var account = Renewed();
        var policy = new DunningPolicy([]);
        var key = account.Do<BillingAccountState.GatewayCallNeeded>(new CollectRenewalPayment(Id, policy)).Attempt.Key;
        Decline(account, key);
        account.Do<RenewalCollection>(new CollectRenewalPayment(Id, policy));

        account.Now = account.Now.AddMonths(2);
        account.Do<BillingAccountView>(new AdvanceBillingPeriod(Id));
        Assert.Empty(account.LastEvents);
        account.Subscribe("basic", "sub-again");
        Assert.Equal(SubscriptionStatus.Active, account.View.Status);
    }

    [Fact]
    public void A_renewal_without_a_usable_card_must_count_as_a_declined_attempt_without_asking_the_gateway()
    {
        var account = Renewed();
        account.Do<BillingAccountView>(new SetBillingCard(Id, BillingSamples.Card() with { ExpiryYear = account.Now.Year, ExpiryMonth = account.Now.Month }));
        account.Now = account.Now.AddMonths(1); // the card has now expired

        var refused = Assert.IsType<RenewalCollection>(Collect(account));

        Assert.Equal(CollectionOutcome.Declined, refused.Outcome);
        var e = Assert.IsType<PaymentRefused>(Assert.Single(account.LastEvents));
        Assert.Equal("auto-INV-000002-1", e.Key);
        Assert.Contains("expired", e.Reason);
        Assert.Equal(CollectionOutcome.NotYetDue, Assert.IsType<RenewalCollection>(Collect(account)).Outcome);
    }

    [Fact]
    public void Clients_must_not_pay_with_keys_reserved_for_automatic_renewals()
    {
        var account = Renewed();

        var refused = account.Refuse(new PayInvoice(Id, "INV-000002", "auto-INV-000002-1"), RejectionKind.Invalid);

        Assert.Contains("reserved", refused.Message);
    }
}
