using MediaPlatform.Actors.Billing;
using MediaPlatform.Actors.Billing.Payments;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Tests.Billing.Support;
using static MediaPlatform.Actors.Tests.Billing.Support.PureAccount;

namespace MediaPlatform.Actors.Tests.Billing;

/// <summary>Pure rules of payments: recorded before the gateway is asked, finished by its answer, idempotent by key.</summary>
public sealed class BillingAccountPaymentSpecs
{
    private static PureAccount WithInvoice(long price = 499)
    {
        var account = new PureAccount();
        account.SetCard();
        account.Buy("t", price, "b");
        return account;
    }

    [Fact]
    public void Pay_must_record_the_attempt_then_ask_for_a_charge_of_what_is_due_under_an_account_scoped_key()
    {
        var account = WithInvoice();
        var call = account.StartPayment("INV-000001", "pay-1");

        var started = Assert.IsType<PaymentStarted>(Assert.Single(account.LastEvents));
        Assert.Equal(("pay-1", $"{Id}:pay-1", 499L, "USD", BillingSamples.Card().Token, "4242"),
            (started.Key, started.GatewayKey, started.AmountMinor, started.Currency, started.CardToken, started.CardLast4));
        Assert.Equal((PaymentStatus.Pending, $"{Id}:pay-1"), (call.Attempt.Status, call.Attempt.GatewayKey));
        Assert.Equal(499, account.View.BalanceMinor); // nothing moved yet
    }

    [Fact]
    public void An_approved_charge_must_mark_the_invoice_paid_and_answer_a_receipt()
    {
        var account = WithInvoice();
        account.StartPayment("INV-000001", "pay-1");
        var receipt = account.Take<PaymentReceipt>(account.GatewayAnswers("pay-1", new GatewayOutcome.Approved("ch_1")));

        Assert.Equal((PaymentStatus.Succeeded, "ch_1", 499L), (receipt.Payment.Status, receipt.Payment.ChargeId, receipt.Payment.AmountMinor));
        Assert.Equal((InvoiceStatus.Paid, 499L, 0L), (receipt.Invoice.Status, receipt.Invoice.AmountPaidMinor, receipt.Invoice.AmountDueMinor));
        Assert.Equal((0L, 0), (account.View.BalanceMinor, account.View.OpenInvoices));
        Assert.IsType<PaymentSucceeded>(Assert.Single(account.LastEvents));
    }

    [Fact]
    public void Pay_repeated_after_success_must_answer_the_same_receipt_and_persist_nothing()
    {
        var account = WithInvoice();
        var first = account.PayApproved("INV-000001", "pay-1");
        var again = account.Do<PaymentReceipt>(new PayInvoice(Id, "INV-000001", "pay-1"));
        Assert.Empty(account.LastEvents);
        Assert.Equal(first.Payment, again.Payment);
    }

    [Fact]
    public void A_declined_charge_must_be_recorded_and_answered_as_payment_failed_also_on_a_repeat()
    {
        var account = WithInvoice();
        account.StartPayment("INV-000001", "pay-1");
        var declined = account.Take<Rejection>(account.GatewayAnswers("pay-1", new GatewayOutcome.Declined("insufficient funds")));
        Assert.Equal(RejectionKind.PaymentFailed, declined.Kind);
        Assert.Contains("insufficient funds", declined.Message);
        Assert.IsType<PaymentDeclined>(Assert.Single(account.LastEvents));
        Assert.Equal(InvoiceStatus.Open, account.State.Invoices[0].Status);

        var again = account.Refuse(new PayInvoice(Id, "INV-000001", "pay-1"), RejectionKind.PaymentFailed);
        Assert.Equal(declined, again);
    }

    [Fact]
    public void After_a_decline_a_new_key_must_be_able_to_pay_the_invoice()
    {
        var account = WithInvoice();
        account.StartPayment("INV-000001", "pay-1");
        account.Take<Rejection>(account.GatewayAnswers("pay-1", new GatewayOutcome.Declined("insufficient funds")));
        account.PayApproved("INV-000001", "pay-2");
        Assert.Equal([PaymentStatus.Declined, PaymentStatus.Succeeded], account.State.Payments.Select(p => p.Status));
    }

    [Fact]
    public void A_time_out_must_answer_unavailable_saying_a_retry_is_safe_and_leave_the_attempt_pending()
    {
        var account = WithInvoice();
        account.StartPayment("INV-000001", "pay-1");
        var timedOut = account.Refuse(account.GatewayAnswers("pay-1", new GatewayOutcome.TimedOut("no answer in 5 s")), RejectionKind.Unavailable);
        Assert.Contains("same Idempotency-Key", timedOut.Message);
        Assert.Equal(PaymentStatus.Pending, Assert.Single(account.State.Payments).Status);
    }

    [Fact]
    public void A_retry_of_a_pending_attempt_must_ask_the_gateway_again_with_the_same_key_and_record_nothing_new()
    {
        var account = WithInvoice();
        var first = account.StartPayment("INV-000001", "pay-1");
        var retry = account.Do<BillingAccountState.GatewayCallNeeded>(new PayInvoice(Id, "INV-000001", "pay-1"));
        Assert.Empty(account.LastEvents);
        Assert.Equal(first, retry);
    }

    [Fact]
    public void A_second_answer_for_a_finished_attempt_must_repeat_the_first_outcome_and_persist_nothing()
    {
        var account = WithInvoice();
        account.PayApproved("INV-000001", "pay-1");
        var late = account.Take<PaymentReceipt>(account.GatewayAnswers("pay-1", new GatewayOutcome.Approved("ch_other")));
        Assert.Empty(account.LastEvents);
        Assert.Equal("ch_pay-1", late.Payment.ChargeId);
        Assert.Equal(499, account.State.Invoices[0].AmountPaidMinor);
    }

    [Fact]
    public void A_voided_key_answered_to_a_charge_must_cancel_the_attempt_and_fail_the_payment()
    {
        var account = WithInvoice();
        account.StartPayment("INV-000001", "pay-1");
        var rejection = account.Take<Rejection>(account.GatewayAnswers("pay-1", new GatewayOutcome.Voided()));
        Assert.Equal(RejectionKind.Conflict, rejection.Kind);
        Assert.Equal(PaymentStatus.Cancelled, account.State.Payments[0].Status);
    }

    [Fact]
    public void Pay_with_a_key_used_for_another_invoice_must_be_unprocessable()
    {
        var account = WithInvoice();
        account.Buy("t2", 100, "b2");
        account.StartPayment("INV-000001", "pay-1");
        account.Refuse(new PayInvoice(Id, "INV-000002", "pay-1"), RejectionKind.Unprocessable);
    }

    [Fact]
    public void Pay_with_another_key_while_a_payment_of_the_invoice_is_pending_must_be_a_conflict()
    {
        var account = WithInvoice();
        account.StartPayment("INV-000001", "pay-1");
        account.Refuse(new PayInvoice(Id, "INV-000001", "pay-2"), RejectionKind.Conflict);
    }

    [Fact]
    public void Pay_of_a_paid_void_or_unknown_invoice_must_be_refused()
    {
        var account = WithInvoice();
        account.Buy("t2", 100, "b2");
        account.PayApproved("INV-000001", "pay-1");
        account.Do<InvoiceView>(new VoidInvoice(Id, "INV-000002"));
        account.Refuse(new PayInvoice(Id, "INV-000001", "pay-2"), RejectionKind.Conflict);
        account.Refuse(new PayInvoice(Id, "INV-000002", "pay-3"), RejectionKind.Conflict);
        account.Refuse(new PayInvoice(Id, "INV-000009", "pay-4"), RejectionKind.NotFound);
    }

    [Fact]
    public void Pay_without_a_card_or_with_an_expired_card_must_be_payment_failed()
    {
        var account = new PureAccount();
        account.Buy("t", 100, "b");
        account.Refuse(new PayInvoice(Id, "INV-000001", "pay-1"), RejectionKind.PaymentFailed);
        account.SetCard(BillingSamples.Card() with { ExpiryMonth = 1, ExpiryYear = 2026 });
        account.Now = new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero);
        account.Refuse(new PayInvoice(Id, "INV-000001", "pay-1"), RejectionKind.PaymentFailed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("with space")]
    [InlineData("colon:inside")]
    public void Pay_or_cancel_with_a_malformed_key_must_be_invalid(string key)
    {
        var account = WithInvoice();
        account.Refuse(new PayInvoice(Id, "INV-000001", key), RejectionKind.Invalid);
        account.Refuse(new CancelPayment(Id, key), RejectionKind.Invalid);
    }

    [Fact]
    public void Cancel_of_a_pending_attempt_must_ask_the_gateway_to_void_its_key_and_record_the_cancellation()
    {
        var account = WithInvoice();
        account.StartPayment("INV-000001", "pay-1");
        var call = account.Do<BillingAccountState.GatewayCallNeeded>(new CancelPayment(Id, "pay-1"));
        Assert.True(call.Void);
        Assert.Empty(account.LastEvents);

        var view = account.Take<PaymentView>(account.GatewayAnswers("pay-1", new GatewayOutcome.Voided(), wasVoid: true));
        Assert.Equal(PaymentStatus.Cancelled, view.Status);
        Assert.IsType<PaymentCancelled>(Assert.Single(account.LastEvents));
        account.PayApproved("INV-000001", "pay-2"); // the invoice can be paid with a new key now

        Assert.Equal(PaymentStatus.Cancelled, account.Do<PaymentView>(new CancelPayment(Id, "pay-1")).Status);
        Assert.Empty(account.LastEvents);
        account.Refuse(new PayInvoice(Id, "INV-000001", "pay-1"), RejectionKind.Conflict);
    }

    [Fact]
    public void Cancel_that_finds_the_key_already_charged_must_record_the_payment_as_succeeded()
    {
        var account = WithInvoice();
        account.StartPayment("INV-000001", "pay-1");
        var view = account.Take<PaymentView>(account.GatewayAnswers("pay-1", new GatewayOutcome.Approved("ch_1"), wasVoid: true));
        Assert.Equal(PaymentStatus.Succeeded, view.Status);
        Assert.Equal(InvoiceStatus.Paid, account.State.Invoices[0].Status);
    }

    [Fact]
    public void Cancel_that_times_out_must_leave_the_attempt_pending()
    {
        var account = WithInvoice();
        account.StartPayment("INV-000001", "pay-1");
        account.Refuse(account.GatewayAnswers("pay-1", new GatewayOutcome.TimedOut("no answer"), wasVoid: true), RejectionKind.Unavailable);
        Assert.Equal(PaymentStatus.Pending, account.State.Payments[0].Status);
    }

    [Fact]
    public void Cancel_of_an_unknown_key_must_be_not_found_and_of_a_finished_one_answer_it()
    {
        var account = WithInvoice();
        account.Refuse(new CancelPayment(Id, "nope"), RejectionKind.NotFound);
        account.PayApproved("INV-000001", "pay-1");
        Assert.Equal(PaymentStatus.Succeeded, account.Do<PaymentView>(new CancelPayment(Id, "pay-1")).Status);
        Assert.Empty(account.LastEvents);
    }

    [Fact]
    public void History_and_balance_must_be_exact_integers_over_every_payment()
    {
        var account = new PureAccount();
        account.SubscribeUnpaid("premium", "s");
        account.SetCard();
        account.Buy("a", 333, "b1");
        account.Buy("b", 1, "b2");
        account.PayApproved("INV-000001", "p1");
        account.StartPayment("INV-000002", "p2");
        account.Take<Rejection>(account.GatewayAnswers("p2", new GatewayOutcome.Declined("insufficient funds")));
        account.PayApproved("INV-000003", "p3");

        var history = account.Do<PaymentHistory>(new GetPaymentHistory(Id));
        Assert.Equal(["p1", "p2", "p3"], history.Payments.Select(p => p.Key));
        Assert.Equal([PaymentStatus.Succeeded, PaymentStatus.Declined, PaymentStatus.Succeeded], history.Payments.Select(p => p.Status));
        Assert.Equal((2299L + 1, 333L, "USD"), (history.TotalPaidMinor, history.BalanceMinor, history.Currency));
    }

    [Fact]
    public void Failed_attempts_must_be_kept_only_up_to_the_bound_while_successes_are_all_kept()
    {
        var account = WithInvoice();
        var failures = BillingAccountState.MaxFailedPaymentsKept + 10;
        for (var i = 0; i < failures; i++)
        {
            account.StartPayment("INV-000001", $"d{i}");
            account.Take<Rejection>(account.GatewayAnswers($"d{i}", new GatewayOutcome.Declined("insufficient funds")));
        }
        Assert.Equal(BillingAccountState.MaxFailedPaymentsKept, account.State.Payments.Count);
        Assert.Equal("d10", account.State.Payments[0].Key); // the oldest ten were forgotten

        // A forgotten declined key starts a new attempt under the same gateway key: the gateway ledger answers its
        // recorded decline, so forgetting it can never cause a charge.
        var retry = account.Do<BillingAccountState.GatewayCallNeeded>(new PayInvoice(Id, "INV-000001", "d0"));
        Assert.Equal($"{Id}:d0", retry.Attempt.GatewayKey);
        account.Take<Rejection>(account.GatewayAnswers("d0", new GatewayOutcome.Declined("insufficient funds")));

        account.PayApproved("INV-000001", "ok");
        Assert.Equal(BillingAccountState.MaxFailedPaymentsKept + 1, account.State.Payments.Count);
        Assert.Equal("d11", account.State.Payments[0].Key);
        Assert.Equal("ok", account.State.Payments[^1].Key);
    }
}
