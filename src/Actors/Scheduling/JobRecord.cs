using System.Collections.Immutable;

namespace MediaPlatform.Actors.Scheduling;

/// <summary>
/// What the scheduler remembers of one job: paused or not, the last scheduled period it started (so each period runs
/// once), the run in progress, and the latest finished runs (at most <see cref="HistoryKept"/>).
/// </summary>
public sealed record JobRecord(
    string Name,
    bool Paused,
    string? LastPeriodKey,
    DateTimeOffset? LastPeriodStart,
    int ManualRuns,
    JobRun? Current,
    ImmutableList<JobRun> History)
{
    public const int HistoryKept = 20;

    public static JobRecord New(string name) => new(name, false, null, null, 0, null, []);

    public JobRecord Finished(DateTimeOffset at, int total)
    {
        if (Current is null) return this;
        var done = Current with { FinishedAt = at, Total = Math.Max(Current.Total, total) };
        var history = History.Insert(0, done);
        return this with { Current = null, History = history.Count > HistoryKept ? history.RemoveAt(history.Count - 1) : history };
    }
}
