namespace MediaPlatform.Actors.Scheduling.Schedules;

/// <summary>
/// When a recurring job runs: time is cut into consecutive periods and a job runs once per period, as soon as the
/// period has begun. Pure arithmetic; parse one from text with <see cref="ScheduleText.Parse"/>.
/// </summary>
public abstract record Schedule
{
    /// <summary>The period that contains <paramref name="instant"/>.</summary>
    public abstract SchedulePeriod PeriodAt(DateTimeOffset instant);

    /// <summary>The period right after <paramref name="period"/>.</summary>
    public SchedulePeriod After(SchedulePeriod period) => PeriodAt(period.End);

    /// <summary>The schedule as the text it parses from, e.g. "daily at 00:00 UTC".</summary>
    public abstract string Text { get; }

    public sealed override string ToString() => Text;
}
