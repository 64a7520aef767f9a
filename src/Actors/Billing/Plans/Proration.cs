namespace MediaPlatform.Actors.Billing.Plans;

/// <summary>
/// What a mid-period plan change costs, in whole days. Days remaining = whole days from now to the period end
/// (a started day counts as used); days in period = whole days from period start to end (28 to 31).
/// Rounding: each amount is price × daysRemaining / daysInPeriod in integer arithmetic, rounded down to a whole minor
/// unit, so neither the credit for the old plan nor the charge for the new one ever exceeds its exact pro-rata share
/// (each is off by less than one cent).
/// </summary>
public sealed record Proration(int DaysRemaining, int DaysInPeriod, long CreditMinor, long ChargeMinor)
{
    public static Proration For(BillingPlan from, BillingPlan to, DateTimeOffset periodStart, DateTimeOffset periodEnd, DateTimeOffset now)
    {
        var daysInPeriod = Math.Max(1, WholeDays(periodEnd - periodStart));
        var daysRemaining = Math.Clamp(WholeDays(periodEnd - now), 0, daysInPeriod);
        return new Proration(daysRemaining, daysInPeriod,
            Share(from.MonthlyPriceMinor, daysRemaining, daysInPeriod),
            Share(to.MonthlyPriceMinor, daysRemaining, daysInPeriod));
    }

    /// <summary>price × part / whole, rounded down; exact in 64-bit for any realistic price (part ≤ 31).</summary>
    public static long Share(long priceMinor, int part, int whole) => checked(priceMinor * part) / whole;

    private static int WholeDays(TimeSpan span) => span <= TimeSpan.Zero ? 0 : (int)(span.Ticks / TimeSpan.TicksPerDay);
}
