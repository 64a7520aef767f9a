using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Tests.Support;
using MediaPlatform.Actors.WatchHistory;

namespace MediaPlatform.Actors.Tests.WatchHistory;

public sealed class WatchHistoryStateSpecs
{
    private static readonly DateTimeOffset Start = new(2026, 5, 1, 20, 0, 0, TimeSpan.Zero);
    private static readonly WatchHistorySettings Settings = WatchHistorySettings.Default with { MaxTitles = 3 };

    private sealed class Viewer
    {
        public WatchHistoryState State = WatchHistoryState.Empty("u");
        public DateTimeOffset Now = Start;
        public int Stored;

        public WatchProgressAccepted Report(string titleId, double position, WatchReportKind kind = WatchReportKind.Playing, double duration = 600)
        {
            var (state, events, reply) = Decisions.Accept(State, State.Handle(new ReportWatchProgress("u", titleId, $"Title {titleId}", position, duration, "720p", kind), Now, Settings));
            State = state;
            Stored += events.Count;
            return Assert.IsType<WatchProgressAccepted>(reply);
        }

        public IReadOnlyList<WatchEntry> Continue() =>
            Assert.IsType<ContinueWatchingList>(Decisions.Accept(State, State.Handle(new GetContinueWatching("u"), Now, Settings)).Reply).Entries;
    }

    [Fact]
    public void Reports_every_five_seconds_must_store_a_position_at_most_once_per_persist_interval()
    {
        var viewer = new Viewer();
        Assert.True(viewer.Report("t-1", 0, WatchReportKind.Started).Stored);
        // Ten minutes of playback reported every 5 s: 120 reports.
        for (var second = 5; second <= 600 - 5; second += 5)
        {
            viewer.Now = Start.AddSeconds(second);
            viewer.Report("t-1", second * 0.9); // below the finished mark all the way
        }
        // One start plus one position per 30 s: about 2 events a minute, not 12.
        Assert.InRange(viewer.Stored, 18, 21);
        // The stored position trails the last report (595 s in, at 535.5 s) by at most one interval.
        Assert.InRange(viewer.Continue().Single().PositionSeconds, 535.5 - 30, 535.5);
    }

    [Fact]
    public void A_pause_must_be_stored_at_once_and_a_repeat_of_it_must_not()
    {
        var viewer = new Viewer();
        viewer.Report("t-1", 0, WatchReportKind.Started);
        viewer.Now = Start.AddSeconds(7);
        Assert.False(viewer.Report("t-1", 7).Stored);
        Assert.True(viewer.Report("t-1", 7.2, WatchReportKind.Paused).Stored);
        Assert.False(viewer.Report("t-1", 7.2, WatchReportKind.Paused).Stored);
        Assert.Equal(7.2, viewer.Continue().Single().PositionSeconds);
    }

    [Fact]
    public void A_title_watched_past_95_percent_must_leave_continue_watching()
    {
        var viewer = new Viewer();
        viewer.Report("t-1", 0, WatchReportKind.Started);
        viewer.Report("t-2", 100, WatchReportKind.Started);
        viewer.Now = Start.AddSeconds(1);
        var finished = viewer.Report("t-1", 571); // 95.2 %: stored at once, whatever the interval says
        Assert.True(finished.Stored);
        Assert.True(finished.Finished);
        Assert.Equal(["t-2"], viewer.Continue().Select(e => e.TitleId));
        Assert.Equal(16.7, viewer.Continue().Single().PercentWatched());
    }

    [Fact]
    public void The_credits_tail_must_count_as_finished_when_set()
    {
        var entry = new WatchEntry("t", "T", 560, 600, null, Start, Start);
        Assert.False(entry.IsFinished(Settings));
        Assert.True(entry.IsFinished(Settings with { CreditsTail = 45 }));
    }

    [Fact]
    public void Continue_watching_must_list_the_most_recently_watched_first_and_the_history_must_keep_the_last_titles_only()
    {
        var viewer = new Viewer();
        foreach (var (title, i) in new[] { "t-1", "t-2", "t-3" }.Select((t, i) => (t, i)))
        {
            viewer.Now = Start.AddMinutes(i);
            viewer.Report(title, 10, WatchReportKind.Started);
        }
        viewer.Now = Start.AddMinutes(3);
        viewer.Report("t-1", 20, WatchReportKind.Paused);
        Assert.Equal(["t-1", "t-3", "t-2"], viewer.Continue().Select(e => e.TitleId));

        viewer.Now = Start.AddMinutes(4);
        viewer.Report("t-4", 10, WatchReportKind.Started); // the history holds 3: the least recently watched (t-2) goes
        Assert.Equal(["t-4", "t-1", "t-3"], viewer.Continue().Select(e => e.TitleId));
        Assert.Equal(3, viewer.State.Entries.Count);
    }

    [Fact]
    public void A_start_must_count_a_new_view_only_once_per_new_view_gap()
    {
        var viewer = new Viewer();
        Assert.True(viewer.Report("t-1", 0, WatchReportKind.Started).NewView);
        viewer.Now = Start.AddMinutes(10);
        var again = viewer.Report("t-1", 0, WatchReportKind.Started);
        Assert.False(again.NewView);
        viewer.Now = Start + Settings.NewViewAfter;
        Assert.True(viewer.Report("t-1", 0, WatchReportKind.Started).NewView);
        // A report without a start is never a view.
        Assert.False(viewer.Report("t-9", 30).NewView);
    }

    [Fact]
    public void Removing_a_title_must_take_it_off_continue_watching()
    {
        var viewer = new Viewer();
        viewer.Report("t-1", 50, WatchReportKind.Started);
        var (state, events, reply) = Decisions.Accept(viewer.State, viewer.State.Handle(new RemoveWatchEntry("u", "t-1"), Start, Settings));
        Assert.True(Assert.IsType<WatchEntryRemovedReply>(reply).Existed);
        Assert.Single(events);
        Assert.Empty(state.ContinueWatching(Settings).Entries);
        var (_, none, again) = Decisions.Accept(state, state.Handle(new RemoveWatchEntry("u", "t-1"), Start, Settings));
        Assert.Empty(none);
        Assert.False(Assert.IsType<WatchEntryRemovedReply>(again).Existed);
    }

    [Theory]
    [InlineData(-1, 600)]
    [InlineData(603, 600)]
    [InlineData(double.NaN, 600)]
    [InlineData(10, 0)]
    [InlineData(10, double.PositiveInfinity)]
    [InlineData(10, 8 * 24 * 3600)]
    public void Bad_positions_and_durations_must_be_refused(double position, double duration)
    {
        var state = WatchHistoryState.Empty("u");
        Decisions.Refused(state.Handle(new ReportWatchProgress("u", "t-1", "T", position, duration, null, WatchReportKind.Playing), Start, Settings),
            RejectionKind.Invalid);
    }

    [Fact]
    public void A_position_just_past_a_rounded_duration_must_be_taken_as_the_end()
    {
        var viewer = new Viewer();
        var reply = viewer.Report("t-1", 601, WatchReportKind.Ended);
        Assert.True(reply.Finished);
        Assert.Equal(600, viewer.State.Find("t-1")!.PositionSeconds);
    }
}
