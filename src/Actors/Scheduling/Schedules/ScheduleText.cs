using System.Globalization;

namespace MediaPlatform.Actors.Scheduling.Schedules;

/// <summary>
/// The schedule language of <c>media-platform.scheduler.jobs.*.schedule</c>:
/// <c>every 10m</c> (s, m, h or d) · <c>daily at 02:00</c> · <c>weekly on sunday at 03:30</c> ·
/// <c>monthly on 1 at 00:00</c>; calendar forms take an optional IANA time zone at the end (default UTC),
/// e.g. <c>daily at 02:00 Europe/Berlin</c>.
/// </summary>
public static class ScheduleText
{
    public static Schedule Parse(string text)
    {
        var words = text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        try
        {
            return words switch
            {
                ["every", var every] => new IntervalSchedule(ParseDuration(every)),
                ["daily", "at", var at, .. var zone] => new CalendarSchedule(CalendarUnit.Day, ParseTime(at), ParseZone(zone)),
                ["weekly", "on", var day, "at", var at, .. var zone] =>
                    new CalendarSchedule(CalendarUnit.Week, ParseTime(at), ParseZone(zone), dayOfWeek: ParseWeekday(day)),
                ["monthly", "on", var day, "at", var at, .. var zone] =>
                    new CalendarSchedule(CalendarUnit.Month, ParseTime(at), ParseZone(zone), dayOfMonth: ParseDayOfMonth(day)),
                _ => throw new FormatException("expected 'every <n>s|m|h|d', 'daily at HH:MM', 'weekly on <weekday> at HH:MM' or 'monthly on <1-31> at HH:MM' (optionally followed by a time zone)"),
            };
        }
        catch (Exception e) when (e is FormatException or ArgumentException or TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new FormatException($"bad schedule '{text}': {e.Message}", e);
        }
    }

    public static string FormatDuration(TimeSpan duration) =>
        duration.Ticks % TimeSpan.TicksPerDay == 0 ? $"{duration.Ticks / TimeSpan.TicksPerDay}d"
        : duration.Ticks % TimeSpan.TicksPerHour == 0 ? $"{duration.Ticks / TimeSpan.TicksPerHour}h"
        : duration.Ticks % TimeSpan.TicksPerMinute == 0 ? $"{duration.Ticks / TimeSpan.TicksPerMinute}m"
        : $"{(long)duration.TotalSeconds}s";

    /// <summary>A duration like 30s, 10m, 6h or 1d.</summary>
    public static TimeSpan ParseDuration(string text)
    {
        if (text.Length < 2 || !long.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
            throw new FormatException($"'{text}' is not a duration like 30s, 10m, 6h or 1d");
        return text[^1] switch
        {
            's' => TimeSpan.FromSeconds(n),
            'm' => TimeSpan.FromMinutes(n),
            'h' => TimeSpan.FromHours(n),
            'd' => TimeSpan.FromDays(n),
            _ => throw new FormatException($"'{text}' is not a duration like 30s, 10m, 6h or 1d"),
        };
    }

    private static TimeOnly ParseTime(string text) =>
        TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : throw new FormatException($"'{text}' is not a time like 02:00");

    private static DayOfWeek ParseWeekday(string text) =>
        Enum.TryParse<DayOfWeek>(text, ignoreCase: true, out var day) && !int.TryParse(text, out _)
            ? day
            : throw new FormatException($"'{text}' is not a weekday (monday … sunday)");

    private static int ParseDayOfMonth(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var day) && day is >= 1 and <= 31
            ? day
            : throw new FormatException($"'{text}' is not a day of the month (1-31)");

    private static TimeZoneInfo ParseZone(string[] rest) => rest switch
    {
        [] or ["UTC"] => TimeZoneInfo.Utc,
        [var id] => TimeZoneInfo.FindSystemTimeZoneById(id),
        _ => throw new FormatException($"unexpected '{string.Join(' ', rest)}' after the time"),
    };
}
