using System.Globalization;

namespace MediaPlatform.Actors.Scheduling.Schedules;

/// <summary>
/// Fixed-length periods counted from the Unix epoch, so every node and every incarnation agrees on the boundaries
/// without any stored anchor ("every 10m" runs at :00, :10, :20 …).
/// </summary>
public sealed record IntervalSchedule : Schedule
{
    public static readonly TimeSpan Shortest = TimeSpan.FromSeconds(1);

    public IntervalSchedule(TimeSpan every)
    {
        if (every < Shortest) throw new ArgumentOutOfRangeException(nameof(every), "an interval schedule needs at least 1s");
        Every = every;
    }

    public TimeSpan Every { get; }

    public override SchedulePeriod PeriodAt(DateTimeOffset instant)
    {
        var sinceEpoch = instant.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        var index = Math.DivRem(sinceEpoch, Every.Ticks, out var rest);
        if (rest < 0) index--; // before the epoch: floor, not truncate
        var start = DateTimeOffset.UnixEpoch.AddTicks(index * Every.Ticks);
        return new SchedulePeriod(start.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), start, start + Every);
    }

    public override string Text => $"every {ScheduleText.FormatDuration(Every)}";
}
