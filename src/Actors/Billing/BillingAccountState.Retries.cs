namespace MediaPlatform.Actors.Billing;

/// <summary>
/// Which requests are repeats: the same conditions under which <see cref="Handle"/> answers an order or a payment from
/// what its Idempotency-Key already holds instead of placing or starting a new one. Observability only: it decides nothing.
/// </summary>
public sealed partial record BillingAccountState
{
    public BillingRetry? RetryOf(IBillingAccountCommand command) => command switch
    {
        _ when !Opened => null,
        PurchaseTitle c => RetriedOrderOf(OrderKind.TitlePurchase, c.IdempotencyKey, PurchaseFingerprint(c)),
        SubscribeToPlan c => RetriedOrderOf(OrderKind.Subscription, c.IdempotencyKey, PlanFingerprint(OrderKind.Subscription, c.PlanId)),
        ChangeSubscriptionPlan c => RetriedOrderOf(OrderKind.PlanChange, c.IdempotencyKey, PlanFingerprint(OrderKind.PlanChange, c.PlanId)),
        PayInvoice c => RetriedPaymentOf(c),
        _ => null,
    };

    private static string PurchaseFingerprint(PurchaseTitle c) => $"{OrderKind.TitlePurchase}:{c.TitleId}:{c.PriceMinor}:{c.Currency}";

    private static string PlanFingerprint(OrderKind kind, string planId) => $"{kind}:{planId}";

    private RetriedOrder? RetriedOrderOf(OrderKind kind, string key, string fingerprint)
    {
        if (BillingValidation.Key(key) is not null) return null;
        if (Invoices.Find(i => i.OrderKey == key && i.OrderFingerprint == fingerprint) is not { } prior) return null;
        // Subscriptions and plan changes charge their invoice at once; a repeat whose charge is unanswered charges again.
        var chargeUnanswered = kind != OrderKind.TitlePurchase && PendingPaymentOn(prior.InvoiceId) is not null;
        return new RetriedOrder(kind, chargeUnanswered);
    }

    private RetriedPayment? RetriedPaymentOf(PayInvoice c)
    {
        if (BillingValidation.Key(c.IdempotencyKey) is not null || c.IdempotencyKey.StartsWith(AutoPaymentKeyPrefix, StringComparison.Ordinal)) return null;
        return Payments.FindLast(p => p.Key == c.IdempotencyKey) is { } prior && prior.InvoiceId == c.InvoiceId
            ? new RetriedPayment(prior.Status == PaymentStatus.Pending)
            : null;
    }
}
