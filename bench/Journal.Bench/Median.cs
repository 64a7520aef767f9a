namespace MediaPlatform.Bench.Journal;

/// <summary>Medians, because this machine is shared and noisy: one slow run must not move the figure.</summary>
public static class Median
{
    public static double Of(IReadOnlyCollection<double> values)
    {
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
