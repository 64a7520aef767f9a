using MediaPlatform.Actors.Billing;
using MediaPlatform.Actors.Billing.Payments;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Tests.Billing.Support;
using static MediaPlatform.Actors.Tests.Billing.Support.PureAccount;

namespace MediaPlatform.Actors.Tests.Billing;

/// <summary>
/// Which requests the retried-orders and retried-payments counters count: exactly those the account answers from what
/// their Idempotency-Key already holds, never a first request or a key reused for something else.
/// </summary>
public sealed class BillingAccountRetrySpecs
{
    [Fact]
    public void A_title_order_repeated_with_its_key_is_a_retried_order_answered_from_the_stored_invoice()
    {
        var account = new PureAccount();
        var order = new PurchaseTitle(Id, "title-42", 399, "USD", "b1");
        Assert.Null(account.State.RetryOf(order));
        account.Buy("title-42", 399, "b1");

        Assert.Equal(new RetriedOrder(OrderKind.TitlePurchase, GatewayAskedAgain: false), account.State.RetryOf(order));
        account.Buy("title-42", 399, "b1");
        Assert.Empty(account.LastEvents); // the state answers it without a new invoice, as counted
    }

    [Fact]
    public void A_key_reused_for_another_order_or_a_bad_key_is_not_a_retry()
    {
        var account = new PureAccount();
        account.Buy("title-42", 399, "b1");
        Assert.Null(account.State.RetryOf(new PurchaseTitle(Id, "title-43", 399, "USD", "b1")));
        Assert.Null(account.State.RetryOf(new PurchaseTitle(Id, "title-42", 399, "USD", "b2")));
        Assert.Null(account.State.RetryOf(new PurchaseTitle(Id, "title-42", 399, "USD", "")));
        Assert.Null(account.State.RetryOf(new SubscribeToPlan(Id, "basic", "b1")));
        Assert.Null(new PureAccount(open: false).State.RetryOf(new PurchaseTitle(Id, "title-42", 399, "USD", "b1")));
    }

    [Fact]
    public void A_subscription_repeated_while_its_charge_is_unanswered_asks_the_gateway_again()
    {
        var account = new PureAccount();
        account.SetCard();
        var subscribe = new SubscribeToPlan(Id, "basic", "sub-1");
        account.Take<BillingAccountState.OrderChargeNeeded>(account.State.Handle(subscribe, account.Now));
        Assert.Equal(new RetriedOrder(OrderKind.Subscription, GatewayAskedAgain: true), account.State.RetryOf(subscribe));

        var charge = account.State.PendingPaymentOn("INV-000001")!;
        account.Take<OrderPlaced>(account.State.AfterOrderCharge(charge.Key, new GatewayOutcome.Approved("ch_1"), "INV-000001", account.Now));
        Assert.Equal(new RetriedOrder(OrderKind.Subscription, GatewayAskedAgain: false), account.State.RetryOf(subscribe));
        Assert.Null(account.State.RetryOf(new ChangeSubscriptionPlan(Id, "premium", "sub-1")));
    }

    [Fact]
    public void A_payment_repeated_with_its_key_is_retried_asking_the_gateway_again_only_while_it_is_pending()
    {
        var account = new PureAccount();
        account.SetCard();
        account.Buy("t", 499, "b");
        var pay = new PayInvoice(Id, "INV-000001", "pay-1");
        Assert.Null(account.State.RetryOf(pay));

        account.StartPayment("INV-000001", "pay-1");
        account.Refuse(account.GatewayAnswers("pay-1", new GatewayOutcome.TimedOut("no answer in 5 s")), RejectionKind.Unavailable);
        Assert.Equal(new RetriedPayment(GatewayAskedAgain: true), account.State.RetryOf(pay));

        account.Take<PaymentReceipt>(account.GatewayAnswers("pay-1", new GatewayOutcome.Approved("ch_1")));
        Assert.Equal(new RetriedPayment(GatewayAskedAgain: false), account.State.RetryOf(pay));
        Assert.Null(account.State.RetryOf(new PayInvoice(Id, "INV-000002", "pay-1")));
        Assert.Null(account.State.RetryOf(new PayInvoice(Id, "INV-000001", "pay-2")));
    }

    [Fact]
    public void The_automatic_first_payment_key_is_never_a_clients_retry()
    {
        var account = new PureAccount();
        account.Subscribe("basic", "sub-1");
        Assert.Null(account.State.RetryOf(new PayInvoice(Id, "INV-000001", BillingAccountState.FirstPaymentKey("INV-000001"))));
    }
}
