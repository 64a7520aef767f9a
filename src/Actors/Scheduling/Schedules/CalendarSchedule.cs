using System.Globalization;

namespace MediaPlatform.Actors.Scheduling.Schedules;

public enum CalendarUnit { Day, Week, Month }

/// <summary>
/// Periods that begin at a wall-clock time in a time zone: every day, every week on a weekday, or every month on a
/// day of the month (clamped to the month's last day, so "monthly on 31" runs on 28 February). Daylight-saving
/// rules of the zone apply: a start time that does not exist that day (clocks jump forward) moves to the first
/// minute after the jump; one that exists twice (clocks go back) is taken at its first occurrence.
/// </summary>
public sealed record CalendarSchedule : Schedule
{
    public CalendarSchedule(CalendarUnit unit, TimeOnly at, TimeZoneInfo zone, int dayOfMonth = 1, DayOfWeek dayOfWeek = DayOfWeek.Monday)
    {
        if (dayOfMonth is < 1 or > 31) throw new ArgumentOutOfRangeException(nameof(dayOfMonth), "day of month must be 1-31");
        (Unit, At, Zone, DayOfMonth, DayOfWeek) = (unit, at, zone, dayOfMonth, dayOfWeek);
    }

    public CalendarUnit Unit { get; }
    public TimeOnly At { get; }
    public TimeZoneInfo Zone { get; }
    public int DayOfMonth { get; }
    public DayOfWeek DayOfWeek { get; }

    public override SchedulePeriod PeriodAt(DateTimeOffset instant)
    {
        var localDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);
        var startDate = StartDateOnOrBefore(localDate);
        if (StartOf(startDate) > instant) startDate = Previous(startDate);
        var nextDate = Next(startDate);
        return new SchedulePeriod(KeyOf(startDate), StartOf(startDate), StartOf(nextDate));
    }

    public override string Text
    {
        get
        {
            var at = At.ToString("HH:mm", CultureInfo.InvariantCulture);
            var when = Unit switch
            {
                CalendarUnit.Day => "daily",
                CalendarUnit.Week => $"weekly on {DayOfWeek.ToString().ToLowerInvariant()}",
                _ => $"monthly on {DayOfMonth}",
            };
            return $"{when} at {at} {Zone.Id}";
        }
    }

    /// <summary>The date of the latest period start whose date is on or before <paramref name="date"/>.</summary>
    private DateOnly StartDateOnOrBefore(DateOnly date) => Unit switch
    {
        CalendarUnit.Day => date,
        CalendarUnit.Week => date.AddDays(-(((int)date.DayOfWeek - (int)DayOfWeek + 7) % 7)),
        _ => MonthStartIn(date) <= date ? MonthStartIn(date) : MonthStartIn(date.AddMonths(-1)),
    };

    private DateOnly Previous(DateOnly start) => Unit switch
    {
        CalendarUnit.Day => start.AddDays(-1),
        CalendarUnit.Week => start.AddDays(-7),
        _ => MonthStartIn(start.AddMonths(-1)),
    };

    private DateOnly Next(DateOnly start) => Unit switch
    {
        CalendarUnit.Day => start.AddDays(1),
        CalendarUnit.Week => start.AddDays(7),
        _ => MonthStartIn(new DateOnly(start.Year, start.Month, 1).AddMonths(1)),
    };

    /// <summary>The period start date in the month of <paramref name="day"/>: the day of month, clamped to the month's end.</summary>
    private DateOnly MonthStartIn(DateOnly day) => new(day.Year, day.Month, Math.Min(DayOfMonth, DateTime.DaysInMonth(day.Year, day.Month)));

    private string KeyOf(DateOnly date) =>
        date.ToString(Unit == CalendarUnit.Month ? "yyyy-MM" : "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The instant the period starting on <paramref name="date"/> begins, under the zone's daylight-saving rules.</summary>
    private DateTimeOffset StartOf(DateOnly date)
    {
        var wall = date.ToDateTime(At, DateTimeKind.Unspecified);
        while (Zone.IsInvalidTime(wall)) wall = wall.AddMinutes(1); // skipped by a forward jump
        var offset = Zone.IsAmbiguousTime(wall) ? Zone.GetAmbiguousTimeOffsets(wall).Max() : Zone.GetUtcOffset(wall);
        return new DateTimeOffset(wall, offset).ToUniversalTime();
    }
}
