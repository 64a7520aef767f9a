namespace MediaPlatform.Bench.Projections;

/// <summary>
/// One projection's lag over a run, from its samples: percentiles while the load ran, the spike after the kill of the
/// projections' host, when its offset moved again (the fail-over done) and when the lag was back to what it was before
/// the kill (caught up), and whether its stored offset ever went backwards (a lost offset would restart it from 0).
/// </summary>
public sealed record ProjectionLagFigures(
    string Name, string Tag, int Samples,
    double P50Seconds, double P99Seconds, double MaxSeconds, double P50Events, double P99Events, double MaxEvents,
    double P99SecondsBeforeKill, double SpikeSeconds, long SpikeEvents, double? ResumedAfterKill, double? CaughtUpAfterKill,
    bool Idle, string? OffsetWentBack)
{
    /// <summary>The kill's in-flight commit may land just before the kill yet show in the first sample after it.</summary>
    private const double SettleAfterKill = 0.3;

    public static ProjectionLagFigures From(string name, IReadOnlyList<LagSample> all, double killAt, double loadEnd)
    {
        var samples = all.Where(s => s.Name == name).OrderBy(s => s.At).ToArray();
        var underLoad = samples.Where(s => s.At <= loadEnd).ToArray();
        var seconds = underLoad.Select(s => s.SecondsBehind).Order().ToArray();
        var events = underLoad.Select(s => (double)s.EventsBehind).Order().ToArray();
        var beforeKill = underLoad.Where(s => s.At < killAt).Select(s => s.SecondsBehind).Order().ToArray();
        var afterKill = samples.Where(s => s.At >= killAt).ToArray();
        var idle = samples.All(s => s.Offset == samples[0].Offset && s.EventsBehind == 0);

        // Fail-over: the offset stands still from the kill until the projection runs on another node.
        double? resumed = null;
        if (afterKill.FirstOrDefault(s => s.At >= killAt + SettleAfterKill) is { } settled)
            resumed = afterKill.FirstOrDefault(s => s.At > settled.At && s.Offset > settled.Offset)?.At - killAt;

        // Caught up: after the spike's peak, the first sample back at the lag it had before the kill (at least 1 s, the journal's polling).
        var threshold = Math.Max(1.0, Percentile(beforeKill, 0.99));
        double? caughtUp = null;
        var spikeSeconds = afterKill.Length == 0 ? 0 : afterKill.Max(s => s.SecondsBehind);
        if (afterKill.Length > 0)
        {
            var peak = Array.FindIndex(afterKill, s => s.SecondsBehind == spikeSeconds);
            caughtUp = afterKill.Skip(peak).FirstOrDefault(s => s.SecondsBehind <= threshold)?.At - killAt;
        }

        string? wentBack = null;
        for (var i = 1; i < samples.Length && wentBack is null; i++)
            if (samples[i].Offset < samples[i - 1].Offset)
                wentBack = $"{samples[i - 1].Offset} → {samples[i].Offset} at {samples[i].At:0.0} s";

        return new ProjectionLagFigures(name, samples.FirstOrDefault()?.Tag ?? "?", underLoad.Length,
            Percentile(seconds, 0.5), Percentile(seconds, 0.99), seconds.LastOrDefault(),
            Percentile(events, 0.5), Percentile(events, 0.99), events.LastOrDefault(),
            Percentile(beforeKill, 0.99), spikeSeconds, afterKill.Length == 0 ? 0 : afterKill.Max(s => s.EventsBehind),
            resumed, caughtUp, idle, wentBack);
    }

    /// <summary>Nearest rank on sorted values; 0 for none.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(sorted.Count * p) - 1, 0, sorted.Count - 1)];
}
