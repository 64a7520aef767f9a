namespace MediaPlatform.Actors.Projections.Billing;

/// <summary>Reads a <see cref="BillingReport"/> from the billing read tables; the same SQL on SQLite and PostgreSQL.</summary>
public sealed class BillingReportReader(ReadModelSchema schema)
{
    public async Task<BillingReport> ReadAsync(BillingReportRange range, CancellationToken cancellationToken)
    {
        await schema.EnsureAsync(cancellationToken);
        await using var session = await schema.Database.OpenAsync(cancellationToken);
        (string, object?)[] days = [("from", range.FromDay), ("to", range.ToDay)];
        var rows = await session.QueryAsync("""
            SELECT day, plan_id, currency, revenue_minor, credits_minor, payments FROM billing_daily
            WHERE day >= @from AND day <= @to ORDER BY day, plan_id, currency
            """, r => new BillingDayRow(r.GetString(0), r.GetString(1), r.GetString(2), Long(r.GetValue(3)), Long(r.GetValue(4)), Long(r.GetValue(5))),
            cancellationToken, days);
        var totals = rows.GroupBy(r => r.Currency, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new BillingTotal(g.Key, g.Sum(r => r.RevenueMinor), g.Sum(r => r.CreditsMinor), g.Sum(r => r.Payments)))
            .ToList();
        var payments = await session.QueryAsync("""
            SELECT result, SUM(attempts) FROM billing_payment_outcomes WHERE day >= @from AND day <= @to GROUP BY result ORDER BY result
            """, r => new PaymentOutcomeCount(r.GetString(0), Long(r.GetValue(1))), cancellationToken, days);
        var funnel = await session.QueryAsync("""
            SELECT COUNT(*), COALESCE(SUM(retried), 0),
              SUM(CASE WHEN recovered_day IS NULL THEN 0 ELSE 1 END), SUM(CASE WHEN cancelled_day IS NULL THEN 0 ELSE 1 END)
            FROM billing_dunning WHERE entered_day >= @from AND entered_day <= @to
            """, r => new DunningFunnel(Long(r.GetValue(0)), Long(r.GetValue(1)), Long(r.GetValue(2)), Long(r.GetValue(3))), cancellationToken, days);
        return new BillingReport(range.FromDay, range.ToDay, rows, totals, payments, funnel[0]);
    }

    // SUM is a bigint on SQLite, numeric on PostgreSQL, null over no rows.
    private static long Long(object value) => value is DBNull ? 0 : Convert.ToInt64(value);
}
