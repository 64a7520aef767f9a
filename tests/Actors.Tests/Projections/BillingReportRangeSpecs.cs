using MediaPlatform.Actors.Projections.Billing;

namespace MediaPlatform.Actors.Tests.Projections;

/// <summary>The billing report's range: two dates, in order, at most a year and a day; anything else is a reason for a 400.</summary>
public sealed class BillingReportRangeSpecs
{
    [Theory]
    [InlineData("2026-04-01", "2026-04-01", 1)]
    [InlineData("2026-01-01", "2027-01-01", 366)]
    [InlineData("2024-02-28", "2024-03-01", 3)]
    public void A_range_of_whole_days_in_order_is_accepted_with_both_ends_included(string from, string to, int days)
    {
        var range = BillingReportRange.Parse(from, to, out var error);

        Assert.Null(error);
        Assert.Equal((from, to, days), (range!.FromDay, range.ToDay, range.To.DayNumber - range.From.DayNumber + 1));
    }

    [Theory]
    [InlineData(null, "2026-04-01", "from is required")]
    [InlineData("2026-04-01", null, "to is required")]
    [InlineData("2026-02-30", "2026-03-01", "from is required")]
    [InlineData("01/04/2026", "2026-04-02", "from is required")]
    [InlineData("2026-04-01T00:00:00Z", "2026-04-02", "from is required")]
    [InlineData("2026-04-12", "2026-04-11", "is before from")]
    [InlineData("2026-01-01", "2027-01-02", "at most 366 days")]
    public void A_missing_malformed_inverted_or_too_long_range_is_refused_with_its_reason(string? from, string? to, string reason)
    {
        Assert.Null(BillingReportRange.Parse(from, to, out var error));
        Assert.Contains(reason, error);
    }

    [Theory]
    [InlineData("auto-INV-000002-1", "INV-000002", 1)]
    [InlineData("auto-INV-000002-12", "INV-000002", 12)]
    [InlineData("auto-INV-000003-1", "INV-000002", 0)]
    [InlineData("client-key-1", "INV-000002", 0)]
    [InlineData("auto-INV-000002-x", "INV-000002", 0)]
    public void Only_automatic_renewal_keys_of_the_invoice_count_as_dunning_attempts(string key, string invoiceId, int attempt) =>
        Assert.Equal(attempt, BillingProjection.AttemptOf(key, invoiceId));
}
