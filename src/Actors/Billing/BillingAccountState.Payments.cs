using MediaPlatform.Actors.Billing.Payments;
using MediaPlatform.Actors.Entities;

namespace MediaPlatform.Actors.Billing;

/// <summary>
/// Payments, in two steps around the gateway: <see cref="Pay"/> records <see cref="PaymentStarted"/> and asks the
/// entity to call the gateway (<see cref="GatewayCallNeeded"/>); <see cref="AfterGateway"/> records the outcome.
/// A crash between the steps leaves a pending attempt: a retry with the same key calls the gateway again with the
/// same gateway key, and the gateway answers its first outcome, so the card is charged at most once.
/// </summary>
public sealed partial record BillingAccountState
{
    /// <summary>The entity must call the gateway (charge, or void when <paramref name="Void"/>) for this attempt.</summary>
    public sealed record GatewayCallNeeded(PaymentAttempt Attempt, bool Void);

    /// <summary>The key the gateway sees: scoped by account, so two accounts' client keys never meet in the ledger.</summary>
    public string GatewayKeyFor(string key) => $"{AccountId}:{key}";

    public PaymentAttempt? PendingPaymentOn(string invoiceId) =>
        Payments.Find(p => p.InvoiceId == invoiceId && p.Status == PaymentStatus.Pending);

    private Decision<IBillingAccountEvent> Pay(PayInvoice c, DateTimeOffset now)
    {
        if (BillingValidation.Key(c.IdempotencyKey) is { } badKey) return Refuse(badKey);
        if (Payments.FindLast(p => p.Key == c.IdempotencyKey) is { } prior)
        {
            if (prior.InvoiceId != c.InvoiceId)
                return Refuse(KeyReused($"Idempotency-Key {c.IdempotencyKey} was already used to pay invoice {prior.InvoiceId}"));
            return prior.Status == PaymentStatus.Pending ? Answer(new GatewayCallNeeded(prior, false)) : Repeat(prior);
        }
        if (FindInvoice(c.InvoiceId) is not { } invoice) return Refuse(InvoiceNotFound(c.InvoiceId));
        if (invoice.Status != InvoiceStatus.Open)
            return Refuse(Rejection.Conflict($"invoice {invoice.InvoiceId} is {invoice.Status.ToString().ToLowerInvariant()}; nothing to pay"));
        if (PendingPaymentOn(invoice.InvoiceId) is { } pending)
            return Refuse(Rejection.Conflict(pending.Key.StartsWith(AutoPaymentKeyPrefix, StringComparison.Ordinal)
                ? $"automatic payment {pending.Key} on invoice {invoice.InvoiceId} is in progress; repeat the order that started it, or cancel the payment"
                : $"payment {pending.Key} on invoice {invoice.InvoiceId} is in progress; retry it with its Idempotency-Key or cancel it"));
        if (Card is null) return Refuse(new Rejection(RejectionKind.PaymentFailed, "the account has no payment card"));
        if (Card.ExpiresAt <= now) return Refuse(new Rejection(RejectionKind.PaymentFailed, $"the card ending {Card.Last4} has expired"));
        var started = new PaymentStarted(c.IdempotencyKey, GatewayKeyFor(c.IdempotencyKey), invoice.InvoiceId, invoice.AmountDueMinor,
            invoice.Currency, Card.CardId, Card.Token, Card.Last4, now);
        return Decide.Persist(this, started, s => new GatewayCallNeeded(s.Payments[^1], false));
    }

    private Decision<IBillingAccountEvent> CancelPaymentAttempt(CancelPayment c)
    {
        if (BillingValidation.Key(c.IdempotencyKey) is { } badKey) return Refuse(badKey);
        if (Payments.FindLast(p => p.Key == c.IdempotencyKey) is not { } attempt)
            return Refuse(Rejection.NotFound($"no payment with Idempotency-Key {c.IdempotencyKey}"));
        return attempt.Status == PaymentStatus.Pending ? Answer(new GatewayCallNeeded(attempt, true)) : Answer(attempt.View());
    }

    /// <summary>Records what the gateway answered for a pending attempt; a late second answer just repeats the first.</summary>
    public Decision<IBillingAccountEvent> AfterGateway(string key, bool wasVoid, GatewayOutcome outcome, DateTimeOffset now)
    {
        if (Payments.FindLast(p => p.Key == key) is not { } attempt) return Refuse(Rejection.NotFound($"no payment with Idempotency-Key {key}"));
        if (attempt.Status != PaymentStatus.Pending) return wasVoid ? Answer(attempt.View()) : Repeat(attempt);
        return outcome switch
        {
            GatewayOutcome.Approved a => Decide.Persist(this, new PaymentSucceeded(key, attempt.InvoiceId, attempt.AmountMinor, a.ChargeId, now),
                s => wasVoid ? s.Payments.FindLast(p => p.Key == key)!.View() : s.OutcomeOf(s.Payments.FindLast(p => p.Key == key)!)),
            GatewayOutcome.Declined d => Decide.Persist(this, new PaymentDeclined(key, attempt.InvoiceId, d.Reason, now),
                s => wasVoid ? s.Payments.FindLast(p => p.Key == key)!.View() : s.OutcomeOf(s.Payments.FindLast(p => p.Key == key)!)),
            GatewayOutcome.Voided => Decide.Persist(this, new PaymentCancelled(key, attempt.InvoiceId, now),
                s => wasVoid ? s.Payments.FindLast(p => p.Key == key)!.View() : s.OutcomeOf(s.Payments.FindLast(p => p.Key == key)!)),
            GatewayOutcome.TimedOut t => Refuse(new Rejection(RejectionKind.Unavailable, wasVoid
                ? $"{t.Detail}; the payment is still pending: retry the cancellation"
                : $"{t.Detail}; the payment may or may not have gone through. Retrying with the same Idempotency-Key ({key}) is safe: it never charges twice")
            {
                RetryAfterSeconds = t.RetryAfter is { } wait ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : null,
            }),
            _ => Refuse(new Rejection(RejectionKind.Internal, $"unknown gateway outcome {outcome.GetType().Name}")),
        };
    }

    /// <summary>A finished attempt asked again: nothing to record, the first answer again.</summary>
    private Decision<IBillingAccountEvent> Repeat(PaymentAttempt attempt) =>
        OutcomeOf(attempt) is Rejection failed ? Refuse(failed) : Answer(OutcomeOf(attempt));

    /// <summary>The answer to a finished attempt: its receipt, or why it failed.</summary>
    private object OutcomeOf(PaymentAttempt attempt) => attempt.Status switch
    {
        PaymentStatus.Succeeded => new PaymentReceipt(AccountId, attempt.View(), FindInvoice(attempt.InvoiceId)!.View(AccountId)),
        PaymentStatus.Declined => new Rejection(RejectionKind.PaymentFailed, $"payment {attempt.Key} was declined: {attempt.FailureReason}"),
        PaymentStatus.Cancelled => new Rejection(RejectionKind.Conflict, $"payment {attempt.Key} was cancelled; pay with a new Idempotency-Key"),
        _ => attempt.View(),
    };
}
