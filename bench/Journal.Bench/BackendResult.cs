namespace MediaPlatform.Bench.Journal;

/// <summary>
/// Medians over the runs of one backend. Ratio = journal events/s ÷ raw rows/s (goal ≥ 0.50); recovery is measured
/// against its own goal in events/s, with the raw SELECT of the same rows beside it.
/// </summary>
public sealed record BackendResult(
    string Backend, Rate Journal, Rate Raw, Rate? Recovery, Rate? Select, Rate Plugin)
{
    public const double Goal = 0.50;
    public const double RecoveryGoal = 100_000;

    public double JournalPerSecond => Journal.PerSecond;

    public double RawPerSecond => Raw.PerSecond;

    public double Ratio => JournalPerSecond / RawPerSecond;

    public bool GoalMet => Ratio >= Goal;

    public bool RecoveryGoalMet => Recovery is { PerSecond: >= RecoveryGoal };

    /// <summary>Each figure's median over the runs, taken on its own (so a row may mix runs).</summary>
    public static BackendResult MedianOf(string backend, IReadOnlyList<RunResult> runs)
    {
        var recoveries = runs.Where(r => r.Recovery.HasValue).ToList();
        return new BackendResult(
            backend,
            Median(runs.Select(r => r.Journal)),
            Median(runs.Select(r => r.Raw)),
            recoveries.Count == 0 ? null : Median(recoveries.Select(r => r.Recovery!.Value)),
            recoveries.Count == 0 ? null : Median(recoveries.Select(r => r.Select!.Value)),
            Median(runs.Select(r => r.Plugin)));
    }

    private static Rate Median(IEnumerable<Rate> rates)
    {
        var list = rates.ToList();
        return new Rate(
            Statistics.Median(list.Select(r => r.PerSecond)),
            Statistics.Median(list.Select(r => r.CpuMicrosPerItem)),
            Statistics.Median(list.Select(r => r.BytesPerItem)));
    }
}
