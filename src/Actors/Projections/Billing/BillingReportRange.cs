using System.Globalization;

namespace MediaPlatform.Actors.Projections.Billing;

/// <summary>The days a billing report covers: from and to as yyyy-MM-dd (UTC), both included, at most <see cref="MaxDays"/>.</summary>
public sealed record BillingReportRange(DateOnly From, DateOnly To)
{
    public const int MaxDays = 366;

    public string FromDay => From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    public string ToDay => To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The range, or null and the reason to answer with a 400.</summary>
    public static BillingReportRange? Parse(string? from, string? to, out string? error)
    {
        error = null;
        if (!Day(from, out var first)) error = "from is required, as a date like 2026-01-31";
        else if (!Day(to, out var last)) error = "to is required, as a date like 2026-01-31";
        else if (last < first) error = $"to ({to}) is before from ({from})";
        else if (last.DayNumber - first.DayNumber + 1 > MaxDays) error = $"a report covers at most {MaxDays} days";
        else return new BillingReportRange(first, last);
        return null;
    }

    private static bool Day(string? text, out DateOnly day) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
}
