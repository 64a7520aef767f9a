using MediaPlatform.Actors.Billing;
using MediaPlatform.Actors.Tests.Billing.Support;
using static MediaPlatform.Actors.Tests.Billing.Support.PureAccount;

namespace MediaPlatform.Actors.Tests.Billing;

/// <summary>
/// Who may watch, as the billing account answers it: a running paid subscription covers every title, a paid purchase
/// covers its title; nothing unpaid, ended or cancelled past its period covers anything. Asking persists nothing.
/// </summary>
public sealed class BillingAccountEntitlementSpecs
{
    private static readonly DateTimeOffset Start = BillingSamples.Start;

    private static TitleEntitlement Ask(PureAccount account, string titleId = "title-1")
    {
        var answer = account.Do<TitleEntitlement>(new GetTitleEntitlement(Id, titleId));
        Assert.Empty(account.LastEvents);
        return answer;
    }

    [Fact]
    public void An_account_with_no_subscription_and_no_purchase_must_not_be_entitled()
    {
        var answer = Ask(new PureAccount());
        Assert.False(answer.Entitled);
        Assert.Contains("no active subscription", answer.Reason);
    }

    [Fact]
    public void A_paid_subscription_must_entitle_every_title()
    {
        var account = new PureAccount();
        account.Subscribe();
        Assert.Equal((true, BillingAccountState.BySubscription), (Ask(account).Entitled, Ask(account).Reason));
        Assert.True(Ask(account, "any-other-title").Entitled);
    }

    [Fact]
    public void A_subscription_waiting_for_its_first_payment_must_not_entitle()
    {
        var account = new PureAccount();
        account.SubscribeUnpaid();
        var answer = Ask(account);
        Assert.False(answer.Entitled);
        Assert.Contains("waits for payment of invoice INV-000001", answer.Reason);
    }

    [Fact]
    public void A_purchase_must_entitle_its_title_once_paid_and_not_before()
    {
        var account = new PureAccount();
        account.Buy("title-1");
        var unpaid = Ask(account);
        Assert.False(unpaid.Entitled);
        Assert.Contains("not paid yet", unpaid.Reason);

        account.SetCard();
        account.PayApproved("INV-000001");
        Assert.Equal((true, BillingAccountState.ByPurchase), (Ask(account).Entitled, Ask(account).Reason));
        Assert.False(Ask(account, "title-2").Entitled);
    }

    [Fact]
    public void A_cancelled_subscription_must_entitle_until_its_period_ends_and_not_after()
    {
        var account = new PureAccount();
        account.Subscribe();
        account.Do<BillingAccountView>(new CancelSubscription(Id));
        account.Now = Start.AddMonths(1).AddMinutes(-1);
        Assert.True(Ask(account).Entitled);

        account.Now = Start.AddMonths(1).AddMinutes(1); // over, even before the scheduler ends it
        var over = Ask(account);
        Assert.False(over.Entitled);
        Assert.Contains("cancelled and ended", over.Reason);

        Assert.Equal(SubscriptionStatus.Ended, account.Do<BillingAccountView>(new AdvanceBillingPeriod(Id)).Status);
        Assert.False(Ask(account).Entitled);
    }

    [Fact]
    public void A_renewing_subscription_past_its_period_end_must_still_entitle_until_the_renewal_is_decided()
    {
        var account = new PureAccount();
        account.Subscribe();
        account.Now = Start.AddMonths(1).AddMinutes(1);
        Assert.True(Ask(account).Entitled);
    }
}
