using MediaPlatform.Actors.Entities;

namespace MediaPlatform.Actors.Billing;

/// <summary>
/// Collecting renewals under a <see cref="DunningPolicy"/>. Everything is derived from the account's own payments,
/// so the step to take is the same however often, and by however many scheduler incarnations, it is asked:
/// attempt n is keyed auto-{invoice}-{n} and only follows a failed attempt n-1, a pending attempt is retried with
/// its own key (the gateway answers its first outcome), and a paid invoice has nothing due. Hence at most one
/// charge per invoice, whatever crashes in between.
/// </summary>
public sealed partial record BillingAccountState
{
    /// <summary>Reserved: clients cannot pay with keys that start with it, so only the billing cycle makes attempts under it.</summary>
    public const string AutoPaymentKeyPrefix = "auto-";

    public static string AutoPaymentKey(string invoiceId, int attempt) => $"{AutoPaymentKeyPrefix}{invoiceId}-{attempt}";

    private Decision<IBillingAccountEvent> CollectRenewal(DunningPolicy policy, DateTimeOffset now)
    {
        if (Subscription is { Status: SubscriptionStatus.Suspended })
            return Answer(Collection(CollectionOutcome.Suspended, null, 0, null, "the subscription is suspended"));
        if (Invoices.Find(i => i is { Kind: OrderKind.Renewal, Status: InvoiceStatus.Open, AmountDueMinor: > 0 }) is not { } invoice)
            return Answer(Collection(CollectionOutcome.NothingDue, null, 0, null, "no unpaid renewal"));
        if (PendingPaymentOn(invoice.InvoiceId) is { } pending) return Answer(new GatewayCallNeeded(pending, false));

        var prefix = $"{AutoPaymentKeyPrefix}{invoice.InvoiceId}-";
        var failed = Payments.Where(p => p.Key.StartsWith(prefix, StringComparison.Ordinal) && IsFailed(p)).ToList();
        if (failed.Count >= policy.MaxAttempts)
        {
            var reason = $"renewal invoice {invoice.InvoiceId} unpaid after {failed.Count} attempts (last: {failed[^1].FailureReason})";
            return Decide.Persist(this, new SubscriptionSuspended(Subscription?.PlanId ?? "", invoice.InvoiceId, reason, now),
                _ => Collection(CollectionOutcome.Suspended, invoice.InvoiceId, failed.Count, null, reason));
        }
        if (failed.Count > 0 && failed[^1].FinishedAt + policy.RetryAfter[failed.Count - 1] is { } retryAt && now < retryAt)
            return Answer(Collection(CollectionOutcome.NotYetDue, invoice.InvoiceId, failed.Count, retryAt, $"next attempt at {retryAt:O}"));

        var key = AutoPaymentKey(invoice.InvoiceId, failed.Count + 1);
        var unusable = Card is null ? "the account has no payment card"
            : Card.ExpiresAt <= now ? $"the card ending {Card.Last4} has expired"
            : null;
        if (unusable is null) return Pay(new PayInvoice(AccountId, invoice.InvoiceId, key), now);
        return Decide.Persist(this, new PaymentRefused(key, invoice.InvoiceId, invoice.AmountDueMinor, invoice.Currency, unusable, now),
            _ => Collection(CollectionOutcome.Declined, invoice.InvoiceId, failed.Count + 1, null, unusable));
    }

    private RenewalCollection Collection(CollectionOutcome outcome, string? invoiceId, int failedAttempts, DateTimeOffset? next, string detail) =>
        new(AccountId, outcome, invoiceId, failedAttempts, next, detail);
}
