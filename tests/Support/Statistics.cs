namespace MediaPlatform.Testing;

/// <summary>Summary figures for timings on a shared, noisy machine: one slow run must not move the figure.</summary>
public static class Statistics
{
    /// <summary>The middle value; for an even count, the mean of the two middle values.</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) throw new ArgumentException("no values to take the median of", nameof(values));
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    public static TimeSpan Median(IEnumerable<TimeSpan> values) =>
        TimeSpan.FromTicks((long)Median(values.Select(v => (double)v.Ticks)));
}
