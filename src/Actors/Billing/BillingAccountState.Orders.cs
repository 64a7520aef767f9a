using System.Collections.Immutable;
using MediaPlatform.Actors.Billing.Plans;
using MediaPlatform.Actors.Entities;

namespace MediaPlatform.Actors.Billing;

/// <summary>Orders: each creates exactly one invoice, found again by its Idempotency-Key.</summary>
public sealed partial record BillingAccountState
{
    /// <summary>$100,000: a title priced above that is a mistake, not a sale.</summary>
    public const long MaxTitlePriceMinor = 10_000_000;

    /// <summary>Orders the scheduler makes (renewals) use keys clients cannot send (':' is not allowed in theirs).</summary>
    private const string SystemKeyPrefix = "system:";

    private Decision<IBillingAccountEvent> Purchase(PurchaseTitle c, DateTimeOffset now)
    {
        if (BillingValidation.Id(c.TitleId, "title id") is { } badTitle) return Refuse(badTitle);
        var fingerprint = PurchaseFingerprint(c);
        return PlaceOrder(c.IdempotencyKey, fingerprint, () =>
        {
            if (c.PriceMinor is < 1 or > MaxTitlePriceMinor) return Refuse(Rejection.Invalid($"title price must be 1 to {MaxTitlePriceMinor} minor units"));
            if (c.Currency != Currency) return Refuse(Rejection.Invalid($"this account pays in {Currency}, not {c.Currency}"));
            if (Invoices.Find(i => i.Kind == OrderKind.TitlePurchase && i.Reference == c.TitleId && i.Status != InvoiceStatus.Void) is { } owned)
                return Refuse(Rejection.Conflict($"title {c.TitleId} was already ordered on invoice {owned.InvoiceId}"));
            var invoice = NewInvoice(OrderKind.TitlePurchase, c.TitleId, c.IdempotencyKey, fingerprint,
                [new InvoiceLine($"Title {c.TitleId}", c.PriceMinor)], now);
            return Decide.Persist(this, new InvoiceIssued(invoice), s => s.OrderPlacedFor(invoice.InvoiceId));
        });
    }

    /// <summary>
    /// The common shape of an order: a repeat of its key answers the first order (even if the order would be refused
    /// now); a key reused for a different order is a conflict; otherwise <paramref name="place"/> decides.
    /// </summary>
    private Decision<IBillingAccountEvent> PlaceOrder(string key, string fingerprint, Func<Decision<IBillingAccountEvent>> place)
    {
        if (BillingValidation.Key(key) is { } badKey) return Refuse(badKey);
        if (Invoices.Find(i => i.OrderKey == key) is { } prior)
            return prior.OrderFingerprint == fingerprint
                ? Answer(OrderPlacedFor(prior.InvoiceId))
                : Refuse(KeyReused($"Idempotency-Key {key} was already used for a different order"));
        if (Invoices.Count(i => i.Status == InvoiceStatus.Open) >= MaxOpenInvoices)
            return Refuse(Rejection.Conflict($"the account has {MaxOpenInvoices} unpaid invoices; pay or void some first"));
        return place();
    }

    /// <summary>
    /// Builds the next invoice: account credit is used first on a positive subtotal; an invoice with nothing to
    /// collect (total ≤ 0) is issued settled.
    /// </summary>
    private Invoice NewInvoice(OrderKind kind, string reference, string key, string fingerprint, ImmutableList<InvoiceLine> lines, DateTimeOffset now)
    {
        var number = Invoices.Count + 1;
        var subtotal = lines.Sum(l => l.AmountMinor);
        var credit = subtotal > 0 ? Math.Min(CreditMinor, subtotal) : 0;
        return new Invoice($"INV-{number:D6}", number, kind, reference, key, fingerprint, Currency, now, lines, credit, null, 0, InvoiceStatus.Open)
            .Settled();
    }

    /// <summary>A key reused with another request: 422, as sign-up and titles answer (IETF Idempotency-Key draft).</summary>
    private static Rejection KeyReused(string message) => new(RejectionKind.Unprocessable, message);

    private OrderPlaced OrderPlacedFor(string invoiceId)
    {
        var invoice = FindInvoice(invoiceId)!;
        return new OrderPlaced(AccountId, invoice.OrderKey, invoice.View(AccountId), View());
    }

    private static string RenewalKey(Subscription s) => $"{SystemKeyPrefix}renewal:{s.AnchorAt.UtcTicks}:{s.PeriodNumber + 1}";

    private static InvoiceLine PlanLine(BillingPlan plan, DateTimeOffset start, DateTimeOffset end) =>
        new($"{plan.Name} plan, {start:yyyy-MM-dd} to {end:yyyy-MM-dd}", plan.MonthlyPriceMinor);
}
