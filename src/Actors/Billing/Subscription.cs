using System.Collections.Immutable;

namespace MediaPlatform.Actors.Billing;

/// <summary>
/// Suspended: a renewal stayed unpaid after every attempt of the dunning policy; subscribing again starts afresh.
/// PendingPayment: subscribed, but the first invoice is not paid yet: no service until it is (then Active).
/// </summary>
public enum SubscriptionStatus { None, Active, Ended, Suspended, PendingPayment }

/// <summary>
/// The account's plan and current billing period. Periods are counted from <see cref="AnchorAt"/> (period n ends at
/// anchor + n months) so a subscription started on the 31st does not drift to the 28th after February.
/// <see cref="PeriodInvoices"/> are the invoices of the current period: the one that started it (first or renewal)
/// first, then any plan change's; credit for unused time is bounded by the money they brought in.
/// <see cref="PendingChange"/> is an upgrade ordered but not paid yet: no service on its plan until it is.
/// </summary>
public sealed record Subscription(
    string PlanId,
    SubscriptionStatus Status,
    DateTimeOffset AnchorAt,
    int PeriodNumber,
    DateTimeOffset PeriodStart,
    DateTimeOffset PeriodEnd,
    bool CancelAtPeriodEnd,
    ImmutableList<string>? PeriodInvoices = null,
    PendingPlanChange? PendingChange = null)
{
    /// <summary>The invoice that started the current period (first or renewal); empty for a subscription stored before it was kept.</summary>
    public string PeriodInvoiceId => PeriodInvoices is { Count: > 0 } ids ? ids[0] : "";
}
