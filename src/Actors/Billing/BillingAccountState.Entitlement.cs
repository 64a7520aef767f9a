using MediaPlatform.Actors.Entities;

namespace MediaPlatform.Actors.Billing;

/// <summary>
/// Playback entitlement: an active subscription whose period is running (or that renews: not cancelled) covers every
/// title; otherwise a paid title purchase covers that title. A subscription waiting for its first payment, suspended,
/// ended, or cancelled with its period over covers nothing, and neither does an unpaid or void purchase.
/// </summary>
public sealed partial record BillingAccountState
{
    public const string BySubscription = "subscription";
    public const string ByPurchase = "purchase";

    public TitleEntitlement EntitlementTo(string titleId, DateTimeOffset now)
    {
        if (Subscription is { Status: SubscriptionStatus.Active } s && (now < s.PeriodEnd || !s.CancelAtPeriodEnd))
            return new TitleEntitlement(AccountId, titleId, true, BySubscription);
        var purchases = Invoices.Where(i => i.Kind == OrderKind.TitlePurchase && i.Reference == titleId).ToList();
        if (purchases.Any(i => i.Status == InvoiceStatus.Paid)) return new TitleEntitlement(AccountId, titleId, true, ByPurchase);
        return new TitleEntitlement(AccountId, titleId, false, NotEntitledReason(titleId, purchases, now));
    }

    private string NotEntitledReason(string titleId, List<Invoice> purchases, DateTimeOffset now)
    {
        if (purchases.Find(i => i.Status == InvoiceStatus.Open) is { } open)
            return $"title {titleId} was ordered on invoice {open.InvoiceId}, which is not paid yet";
        return Subscription switch
        {
            { Status: SubscriptionStatus.PendingPayment } p => $"the {p.PlanId} subscription waits for payment of invoice {p.PeriodInvoiceId}",
            { Status: SubscriptionStatus.Suspended } p => $"the {p.PlanId} subscription is suspended for an unpaid renewal",
            { Status: SubscriptionStatus.Active } p when now >= p.PeriodEnd => $"the {p.PlanId} subscription was cancelled and ended {p.PeriodEnd:yyyy-MM-dd}",
            { Status: SubscriptionStatus.Ended } p => $"the {p.PlanId} subscription has ended",
            _ => "no active subscription, and this title was not bought",
        };
    }

    private Decision<IBillingAccountEvent> Entitlement(GetTitleEntitlement c, DateTimeOffset now) =>
        BillingValidation.Id(c.TitleId, "title id") is { } bad ? Refuse(bad) : Answer(EntitlementTo(c.TitleId, now));
}
