using MediaPlatform.Actors.Scheduling.Schedules;

namespace MediaPlatform.Actors.Tests.Scheduling;

/// <summary>Pure schedule arithmetic: period boundaries, month lengths, time zones with daylight saving.</summary>
public sealed class ScheduleSpecs
{
    private static DateTimeOffset Utc(int y, int mo, int d, int h = 0, int mi = 0, int s = 0) => new(y, mo, d, h, mi, s, TimeSpan.Zero);

    [Fact]
    public void Interval_periods_must_be_aligned_to_the_epoch_and_follow_each_other()
    {
        var schedule = ScheduleText.Parse("every 10m");

        var period = schedule.PeriodAt(Utc(2026, 11, 26, 17, 43, 12));

        Assert.Equal((Utc(2026, 11, 26, 17, 40), Utc(2026, 11, 26, 17, 50), "2026-11-26T17:40:00Z"), (period.Start, period.End, period.Key));
        Assert.Equal(Utc(2026, 11, 26, 17, 50), schedule.After(period).Start);
        Assert.Equal(period, schedule.PeriodAt(period.Start)); // a boundary belongs to the period it starts
    }

    [Fact]
    public void Daily_periods_must_start_at_the_time_of_day_and_a_moment_before_it_belongs_to_the_previous_day()
    {
        var schedule = ScheduleText.Parse("daily at 02:00");

        Assert.Equal((Utc(2026, 11, 26, 2), Utc(2026, 11, 27, 2), "2026-11-26"), Tuple(schedule.PeriodAt(Utc(2026, 11, 26, 2))));
        Assert.Equal((Utc(2026, 11, 25, 2), Utc(2026, 11, 26, 2), "2026-11-25"), Tuple(schedule.PeriodAt(Utc(2026, 11, 26, 1, 59, 59))));
    }

    [Fact]
    public void Weekly_periods_must_start_on_the_weekday()
    {
        var schedule = ScheduleText.Parse("weekly on sunday at 03:30");

        var period = schedule.PeriodAt(Utc(2026, 11, 26, 12)); // a Thursday

        Assert.Equal((Utc(2026, 11, 22, 3, 30), Utc(2026, 11, 29, 3, 30), "2026-11-22"), Tuple(period));
    }

    [Theory]
    [InlineData(2026, 1, 31, 2026, 2, 28)] // January 31 → February has 28 days: clamped
    [InlineData(2028, 1, 31, 2028, 2, 29)] // leap year
    [InlineData(2026, 4, 30, 2026, 5, 31)] // April has 30 days: the 31st is the 30th, May has a 31st
    public void Monthly_periods_on_the_31st_must_start_on_each_months_last_day_when_it_is_shorter(int y, int m, int d, int ny, int nm, int nd)
    {
        var schedule = ScheduleText.Parse("monthly on 31 at 00:00");

        var period = schedule.PeriodAt(Utc(y, m, d, 12));

        Assert.Equal((Utc(y, m, d), Utc(ny, nm, nd)), (period.Start, period.End));
        Assert.Equal($"{y:D4}-{m:D2}", period.Key);
    }

    [Fact]
    public void Monthly_period_before_its_day_must_belong_to_the_previous_month()
    {
        var period = ScheduleText.Parse("monthly on 15 at 06:00").PeriodAt(Utc(2026, 3, 10));

        Assert.Equal((Utc(2026, 2, 15, 6), Utc(2026, 3, 15, 6), "2026-02"), Tuple(period));
    }

    [Fact]
    public void A_time_zone_schedule_must_follow_daylight_saving_changes()
    {
        var schedule = ScheduleText.Parse("daily at 02:30 Europe/Berlin");

        // Winter: UTC+1. Summer: UTC+2. On 29 March 2026 clocks jump 02:00 → 03:00: 02:30 does not exist, the run is at 03:00 CEST.
        Assert.Equal(Utc(2026, 1, 15, 1, 30), schedule.PeriodAt(Utc(2026, 1, 15, 12)).Start);
        Assert.Equal(Utc(2026, 7, 15, 0, 30), schedule.PeriodAt(Utc(2026, 7, 15, 12)).Start);
        Assert.Equal(Utc(2026, 3, 29, 1, 0), schedule.PeriodAt(Utc(2026, 3, 29, 12)).Start);
        // On 25 October 2026 02:30 happens twice: the first (CEST, UTC+2) counts, and the day is 25 hours long.
        var fallBack = schedule.PeriodAt(Utc(2026, 10, 25, 12));
        Assert.Equal((Utc(2026, 10, 25, 0, 30), Utc(2026, 10, 26, 1, 30)), (fallBack.Start, fallBack.End));
    }

    [Fact]
    public void Consecutive_periods_must_tile_time_without_gaps_or_overlaps_over_a_year()
    {
        foreach (var text in new[] { "every 7h", "daily at 02:30 Europe/Berlin", "weekly on monday at 00:00 America/New_York", "monthly on 31 at 23:00 Australia/Sydney" })
        {
            var schedule = ScheduleText.Parse(text);
            var period = schedule.PeriodAt(Utc(2026, 1, 1));
            var keys = new HashSet<string>();
            while (period.Start < Utc(2027, 1, 1))
            {
                var next = schedule.After(period);
                Assert.True(next.Start == period.End && period.End > period.Start, $"{text}: {period} then {next}");
                Assert.True(keys.Add(period.Key), $"{text}: key {period.Key} repeated");
                period = next;
            }
        }
    }

    [Theory]
    [InlineData("every 10m", "every 10m")]
    [InlineData("every 90s", "every 90s")]
    [InlineData("every 24h", "every 1d")]
    [InlineData("daily at 00:00", "daily at 00:00 UTC")]
    [InlineData("weekly on Sunday at 03:30 Europe/Berlin", "weekly on sunday at 03:30 Europe/Berlin")]
    [InlineData("monthly on 1 at 06:15", "monthly on 1 at 06:15 UTC")]
    public void Schedule_text_must_parse_and_print_back(string text, string printed) =>
        Assert.Equal(printed, ScheduleText.Parse(text).Text);

    [Theory]
    [InlineData("", "expected")]
    [InlineData("every", "expected")]
    [InlineData("every 0m", "duration")]
    [InlineData("every 10x", "duration")]
    [InlineData("daily at 25:00", "time")]
    [InlineData("weekly on funday at 01:00", "weekday")]
    [InlineData("monthly on 32 at 01:00", "day of the month")]
    [InlineData("daily at 01:00 Mars/Olympus", "Mars/Olympus")]
    public void Bad_schedule_text_must_be_refused_with_a_reason(string text, string reason)
    {
        var e = Assert.Throws<FormatException>(() => ScheduleText.Parse(text));
        Assert.Contains(reason, e.Message);
        Assert.Contains($"bad schedule '{text}'", e.Message);
    }

    private static (DateTimeOffset, DateTimeOffset, string) Tuple(SchedulePeriod p) => (p.Start, p.End, p.Key);
}
