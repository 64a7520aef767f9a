namespace MediaPlatform.Actors.Projections.Billing;

/// <summary>What GET /api/reports/billing answers for the days from <see cref="From"/> to <see cref="To"/> (both included, UTC).</summary>
public sealed record BillingReport(
    string From,
    string To,
    IReadOnlyList<BillingDayRow> Days,
    IReadOnlyList<BillingTotal> Totals,
    IReadOnlyList<PaymentOutcomeCount> Payments,
    DunningFunnel Dunning);

/// <summary>One day × plan: card payments taken, and account credit granted by downgrades. Title purchases are plan "title-purchase".</summary>
public sealed record BillingDayRow(string Day, string PlanId, string Currency, long RevenueMinor, long CreditsMinor, long Payments);

public sealed record BillingTotal(string Currency, long RevenueMinor, long CreditsMinor, long Payments);

/// <summary>Payment attempts that ended with <see cref="Result"/> (succeeded, declined, refused, cancelled).</summary>
public sealed record PaymentOutcomeCount(string Result, long Attempts);

/// <summary>
/// Renewal invoices whose first automatic attempt failed within the range (entered), and of those how many were
/// attempted again (retried), paid in the end (recovered) or had their subscription suspended (cancelled).
/// </summary>
public sealed record DunningFunnel(long Entered, long Retried, long Recovered, long Cancelled);
