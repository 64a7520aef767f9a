namespace MediaPlatform.Actors.Scheduling.Schedules;

/// <summary>
/// One period of a schedule: [Start, End). <see cref="Key"/> names it stably (e.g. "2026-11-26" for a daily job), so
/// the run of a period is recorded under the same key by every incarnation of the scheduler.
/// </summary>
public sealed record SchedulePeriod(string Key, DateTimeOffset Start, DateTimeOffset End)
{
    public bool Contains(DateTimeOffset instant) => instant >= Start && instant < End;
}
