using System.Collections.Immutable;

namespace MediaPlatform.Actors.Scheduling;

/// <summary>
/// One run of a job as the scheduler stores it. <see cref="Cursor"/> is the last item (in the job's stable order)
/// known done: a new runner continues after it. Counters are totals over the run.
/// </summary>
public sealed record JobRun(
    string RunKey,
    RunTrigger Trigger,
    string? PeriodKey,
    DateTimeOffset StartedAt,
    string? Cursor,
    int Total,
    int Processed,
    int Failed,
    ImmutableSortedDictionary<string, int> Counters,
    ImmutableList<string> RecentFailures,
    int Resumptions,
    DateTimeOffset? FinishedAt)
{
    public const int FailuresKept = 10;

    public static JobRun Start(JobRunStarted e) =>
        new(e.RunKey, e.Trigger, e.PeriodKey, e.At, null, 0, 0, 0, ImmutableSortedDictionary<string, int>.Empty, [], 0, null);

    public JobRun Progressed(JobRunProgressed e)
    {
        var counters = Counters;
        foreach (var (name, count) in e.Counters) counters = counters.SetItem(name, counters.GetValueOrDefault(name) + count);
        var failures = RecentFailures.AddRange(e.Failures);
        if (failures.Count > FailuresKept) failures = failures.RemoveRange(0, failures.Count - FailuresKept);
        return this with
        {
            Cursor = e.Cursor, Total = e.Total, Processed = Processed + e.Processed, Failed = Failed + e.Failed,
            Counters = counters, RecentFailures = failures,
        };
    }

    public JobRunView View()
    {
        var outcome = FinishedAt is null ? "running"
            : Failed == 0 ? "completed"
            : $"completed with {Failed} failed item(s)";
        var percent = Total == 0 ? (FinishedAt is null ? 0 : 100) : Math.Round(100.0 * Processed / Total, 1);
        return new JobRunView(RunKey, Trigger, PeriodKey, StartedAt, FinishedAt, outcome, Total, Processed, Failed, percent,
            Counters, RecentFailures, Resumptions);
    }
}
