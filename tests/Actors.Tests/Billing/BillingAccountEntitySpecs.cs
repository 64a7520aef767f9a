using Akka.Actor;
using MediaPlatform.Actors.Billing;
using MediaPlatform.Actors.Billing.Coupons;
using MediaPlatform.Actors.Billing.Payments;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Tests.Billing.Support;

namespace MediaPlatform.Actors.Tests.Billing;

/// <summary>
/// The billing account entity with the real coupon and gateway-ledger entities behind it: persist-then-reply,
/// recovery, idempotent repeats, declines, time-outs and a payment whose first node died mid-request.
/// </summary>
public sealed class BillingAccountEntitySpecs : BillingSpec
{
    private const string Id = "user-1";
    private readonly IActorRef _coupons;
    private readonly IActorRef _ledger;

    public BillingAccountEntitySpecs()
    {
        _coupons = Region(code => CouponEntity.PropsFor(code, Settings, Clock), "coupons");
        _ledger = Region(key => GatewayLedgerEntity.PropsFor(key, GatewayRules.From(Sys), Settings, Clock), "ledger");
    }

    private IActorRef Accounts(IPaymentGateway? gateway = null, string name = "accounts") =>
        Region(id => BillingAccountEntity.PropsFor(id, _coupons, gateway ?? new LedgerPaymentGateway(_ledger, GatewayRules.TimeoutFrom(Sys)), Settings, Clock), name);

    private async Task<IActorRef> OpenedWithCard(BillingCard? card = null, string id = Id)
    {
        var accounts = Accounts();
        await Ask<BillingAccountView>(accounts, new OpenBillingAccount(id, id, "USD"));
        await Ask<BillingAccountView>(accounts, new SetBillingCard(id, card ?? BillingSamples.Card()));
        return accounts;
    }

    private Task<LedgerEntryView> LedgerEntry(string key) => Ask<LedgerEntryView>(_ledger, new GetLedgerEntry($"{Id}:{key}"));

    [Fact]
    public async Task Subscribing_with_a_card_must_charge_the_first_invoice_once_and_activate_the_subscription()
    {
        var accounts = await OpenedWithCard();
        var order = await Ask<OrderPlaced>(accounts, new SubscribeToPlan(Id, "premium", "sub-1"));
        var key = BillingAccountState.FirstPaymentKey(order.Invoice.InvoiceId);

        Assert.Equal((InvoiceStatus.Paid, 2299L, SubscriptionStatus.Active), (order.Invoice.Status, order.Invoice.AmountPaidMinor, order.Account.Status));
        Assert.Equal(0, order.Account.BalanceMinor);
        Assert.Equal((1, 2299L), ((await LedgerEntry(key)).Charges, (await LedgerEntry(key)).AmountMinor));
        Assert.Equal(order, await Ask<OrderPlaced>(accounts, new SubscribeToPlan(Id, "premium", "sub-1")));
        Assert.Equal(1, (await LedgerEntry(key)).Charges);
    }

    [Fact]
    public async Task Subscribing_with_a_declining_card_must_leave_the_subscription_pending_until_paid()
    {
        var accounts = await OpenedWithCard(BillingSamples.DecliningCard());
        var order = await Ask<OrderPlaced>(accounts, new SubscribeToPlan(Id, "basic", "sub-1"));
        Assert.Equal((InvoiceStatus.Open, SubscriptionStatus.PendingPayment), (order.Invoice.Status, order.Account.Status));

        await Ask<BillingAccountView>(accounts, new SetBillingCard(Id, BillingSamples.Card()));
        var receipt = await Ask<PaymentReceipt>(accounts, new PayInvoice(Id, order.Invoice.InvoiceId, "pay-1"));
        Assert.Equal(InvoiceStatus.Paid, receipt.Invoice.Status);
        Assert.Equal(SubscriptionStatus.Active, (await Ask<BillingAccountView>(accounts, new GetBillingAccount(Id))).Status);
    }

    [Fact]
    public async Task Repeats_with_the_same_keys_must_answer_the_first_results_and_persist_nothing_new()
    {
        var accounts = await OpenedWithCard();
        var order = await Ask<OrderPlaced>(accounts, new PurchaseTitle(Id, "title-1", 499, "USD", "buy-1"));
        var receipt = await Ask<PaymentReceipt>(accounts, new PayInvoice(Id, order.Invoice.InvoiceId, "pay-1"));
        var stored = (await JournalOf($"billing-{Id}")).Count;

        var orderAgain = await Ask<OrderPlaced>(accounts, new PurchaseTitle(Id, "title-1", 499, "USD", "buy-1"));
        var receiptAgain = await Ask<PaymentReceipt>(accounts, new PayInvoice(Id, order.Invoice.InvoiceId, "pay-1"));

        Assert.Equal(order.Invoice.InvoiceId, orderAgain.Invoice.InvoiceId);
        Assert.Equal(receipt.Payment, receiptAgain.Payment);
        Assert.Equal(stored, (await JournalOf($"billing-{Id}")).Count);
        Assert.Equal(1, (await LedgerEntry("pay-1")).Charges);
    }

    [Fact]
    public async Task State_must_be_identical_after_the_entity_is_stopped_and_recovers()
    {
        var accounts = await OpenedWithCard();
        await Ask<CouponView>(_coupons, new CreateCoupon("TENOFF", CouponKind.Percent, 10, 0, null, BillingSamples.Start.AddDays(30), 5));
        await Ask<OrderPlaced>(accounts, new SubscribeToPlan(Id, "basic", "sub-1")); // charged at once
        Clock.Set(BillingSamples.Start.AddDays(12));
        await Ask<OrderPlaced>(accounts, new ChangeSubscriptionPlan(Id, "premium", "up-1")); // charged at once, then applied
        await Ask<OrderPlaced>(accounts, new PurchaseTitle(Id, "title-9", 1299, "USD", "buy-1"));
        await Ask<InvoiceView>(accounts, new ApplyCouponToInvoice(Id, "INV-000003", "TENOFF", "red-1"));
        await Ask<BillingAccountView>(accounts, new CancelSubscription(Id));
        await Ask<BillingAccountView>(accounts, new SetBillingCard(Id, BillingSamples.DecliningCard()));
        await Refused(accounts, new PayInvoice(Id, "INV-000003", "pay-2"), RejectionKind.PaymentFailed);

        async Task<string> Everything() => string.Join("\n",
            Json(await Ask<BillingAccountView>(accounts, new GetBillingAccount(Id))),
            Json(await Ask<InvoiceList>(accounts, new ListInvoices(Id))),
            Json(await Ask<PaymentHistory>(accounts, new GetPaymentHistory(Id))));

        var before = await Everything();
        await StopEntity(accounts, Id);
        Assert.Equal(before, await Everything());
        Assert.Contains("\"CancelAtPeriodEnd\":true", before);
        Assert.Contains("\"PlanId\":\"premium\"", before);
    }

    [Fact]
    public async Task A_declined_card_must_answer_payment_failed_and_a_repeat_must_not_ask_the_gateway_again()
    {
        var accounts = await OpenedWithCard(BillingSamples.DecliningCard());
        await Ask<OrderPlaced>(accounts, new PurchaseTitle(Id, "title-1", 499, "USD", "buy-1"));

        var declined = await Refused(accounts, new PayInvoice(Id, "INV-000001", "pay-1"), RejectionKind.PaymentFailed);
        Assert.Contains("insufficient funds", declined.Message);
        var stored = (await JournalOf($"billing-{Id}")).Count;
        Assert.Equal(declined, await Refused(accounts, new PayInvoice(Id, "INV-000001", "pay-1"), RejectionKind.PaymentFailed));
        Assert.Equal(stored, (await JournalOf($"billing-{Id}")).Count);
        Assert.Equal((LedgerStatus.Declined, 0), ((await LedgerEntry("pay-1")).Status, (await LedgerEntry("pay-1")).Charges));
    }

    [Fact]
    public async Task A_gateway_time_out_must_answer_unavailable_then_the_payment_can_be_cancelled_and_paid_with_another_card()
    {
        var accounts = await OpenedWithCard(BillingSamples.SilentCard());
        await Ask<OrderPlaced>(accounts, new PurchaseTitle(Id, "title-1", 499, "USD", "buy-1"));

        var timedOut = await Refused(accounts, new PayInvoice(Id, "INV-000001", "pay-1"), RejectionKind.Unavailable);
        Assert.Contains("same Idempotency-Key", timedOut.Message);
        await Refused(accounts, new PayInvoice(Id, "INV-000001", "pay-1"), RejectionKind.Unavailable); // still no answer
        await Refused(accounts, new PayInvoice(Id, "INV-000001", "pay-2"), RejectionKind.Conflict);     // one payment at a time

        var cancelled = await Ask<PaymentView>(accounts, new CancelPayment(Id, "pay-1"));
        Assert.Equal(PaymentStatus.Cancelled, cancelled.Status);
        Assert.Equal((LedgerStatus.Voided, 0), ((await LedgerEntry("pay-1")).Status, (await LedgerEntry("pay-1")).Charges));

        await Ask<BillingAccountView>(accounts, new SetBillingCard(Id, BillingSamples.Card()));
        var receipt = await Ask<PaymentReceipt>(accounts, new PayInvoice(Id, "INV-000001", "pay-2"));
        Assert.Equal(InvoiceStatus.Paid, receipt.Invoice.Status);
    }

    [Fact]
    public async Task A_payment_retried_after_the_entity_died_mid_request_must_charge_exactly_once()
    {
        // The gateway region is a probe, so the test decides when the charge request reaches the real ledger.
        var gatewayRegion = CreateTestProbe();
        var accounts = Accounts(new LedgerPaymentGateway(gatewayRegion.Ref, TimeSpan.FromSeconds(5)));
        await Ask<BillingAccountView>(accounts, new OpenBillingAccount(Id, Id, "USD"));
        await Ask<BillingAccountView>(accounts, new SetBillingCard(Id, BillingSamples.Card()));
        await Ask<OrderPlaced>(accounts, new PurchaseTitle(Id, "title-1", 499, "USD", "buy-1"));

        var client = CreateTestProbe();
        accounts.Tell(new PayInvoice(Id, "INV-000001", "pay-1"), client.Ref);
        var firstRequest = await gatewayRegion.ExpectMsgAsync<ChargeCard>(Wait);
        // The node dies after PaymentStarted was stored and the gateway was asked, but before its answer came back.
        await StopEntity(accounts, Id);
        _ledger.Tell(firstRequest, gatewayRegion.LastSender); // the gateway does charge; the answer is lost
        await AwaitAssertAsync(async () => Assert.Equal(1, (await LedgerEntry("pay-1")).Charges), Wait);

        // The client retries with the same key; a fresh incarnation recovers the pending attempt and asks again.
        var retry = Ask<PaymentReceipt>(accounts, new PayInvoice(Id, "INV-000001", "pay-1"));
        var secondRequest = await gatewayRegion.ExpectMsgAsync<ChargeCard>(Wait);
        Assert.Equal(firstRequest, secondRequest);
        _ledger.Tell(secondRequest, gatewayRegion.LastSender);
        var receipt = await retry;

        Assert.Equal(GatewayLedgerState.ChargeIdFor($"{Id}:pay-1"), receipt.Payment.ChargeId);
        Assert.Equal(1, (await LedgerEntry("pay-1")).Charges);
        Assert.Equal(0, (await Ask<BillingAccountView>(accounts, new GetBillingAccount(Id))).BalanceMinor);
        await client.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task A_coupon_redeemed_before_the_account_applied_it_must_apply_on_a_repeat_without_using_another_redemption()
    {
        var accounts = await OpenedWithCard();
        await Ask<CouponView>(_coupons, new CreateCoupon("HALF", CouponKind.Percent, 50, 0, null, BillingSamples.Start.AddDays(30), 1));
        await Ask<OrderPlaced>(accounts, new PurchaseTitle(Id, "title-1", 1000, "USD", "buy-1"));
        // As if the account had asked the coupon and died before recording the discount.
        await Ask<CouponRedeemed>(_coupons, new RedeemCoupon("HALF", Id, "INV-000001", "red-1", "USD"));

        var invoice = await Ask<InvoiceView>(accounts, new ApplyCouponToInvoice(Id, "INV-000001", "HALF", "red-1"));
        Assert.Equal((500L, 500L), (invoice.DiscountMinor, invoice.TotalMinor));
        Assert.Equal(invoice, await Ask<InvoiceView>(accounts, new ApplyCouponToInvoice(Id, "INV-000001", "HALF", "red-1")));
        Assert.Equal(1, (await Ask<CouponView>(_coupons, new GetCoupon("HALF"))).Redeemed);
    }

    [Fact]
    public async Task Coupon_rejections_must_reach_the_caller_and_change_nothing()
    {
        var accounts = await OpenedWithCard();
        await Ask<OrderPlaced>(accounts, new PurchaseTitle(Id, "title-1", 1000, "USD", "buy-1"));
        await Refused(accounts, new ApplyCouponToInvoice(Id, "INV-000001", "NOSUCH", "red-1"), RejectionKind.NotFound);
        Assert.Equal(1000, (await Ask<InvoiceView>(accounts, new GetInvoice(Id, "INV-000001"))).TotalMinor);
    }

    [Fact]
    public async Task Fifty_accounts_applying_a_coupon_limited_to_seven_at_once_must_get_exactly_seven_discounts()
    {
        var accounts = Accounts();
        await Ask<CouponView>(_coupons, new CreateCoupon("LUCKY7", CouponKind.FixedAmount, 0, 100, "USD", BillingSamples.Start.AddDays(30), 7));
        var ids = Enumerable.Range(0, 50).Select(i => $"user-{i}").ToList();
        foreach (var id in ids)
        {
            await Ask<BillingAccountView>(accounts, new OpenBillingAccount(id, id, "USD"));
            await Ask<OrderPlaced>(accounts, new PurchaseTitle(id, "title-1", 300, "USD", "buy-1"));
        }

        var answers = await Task.WhenAll(ids.Select(id => Ask<object>(accounts, new ApplyCouponToInvoice(id, "INV-000001", "LUCKY7", "red-1"))));

        Assert.Equal(7, answers.OfType<InvoiceView>().Count(i => i.DiscountMinor == 100));
        Assert.Equal(43, answers.OfType<Rejection>().Count(r => r.Kind == RejectionKind.Conflict));
        Assert.Equal(7, (await Ask<CouponView>(_coupons, new GetCoupon("LUCKY7"))).Redeemed);
    }
}
