using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Scheduling;
using MediaPlatform.Actors.Scheduling.Schedules;

namespace MediaPlatform.Actors.Tests.Scheduling;

/// <summary>Pure rules of the scheduler: one run per period, pause, trigger, progress from the current run only.</summary>
public sealed class SchedulerStateSpecs
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly JobSpec Daily = new("daily-job", "test", ScheduleText.Parse("daily at 00:00"));
    private static readonly JobSpec Hourly = new("hourly-job", "test", ScheduleText.Parse("every 1h"));
    private static readonly IReadOnlyList<JobSpec> Catalog = [Daily, Hourly];

    private SchedulerState _state = SchedulerState.Empty;

    private IReadOnlyList<ISchedulerEvent> Do(ISchedulerCommand command, DateTimeOffset now, out object reply)
    {
        var (state, events, answer) = Decisions.Accept(_state, _state.Handle(command, now, Catalog));
        (_state, reply) = (state, answer);
        return events;
    }

    private IReadOnlyList<ISchedulerEvent> Do(ISchedulerCommand command, DateTimeOffset now) => Do(command, now, out _);

    private Rejection Refused(ISchedulerCommand command, RejectionKind kind, DateTimeOffset now) =>
        Decisions.Refused(_state.Handle(command, now, Catalog), kind);

    private void Finish(string job, DateTimeOffset now) => Do(new FinishRun(job, _state.Job(job).Current!.RunKey, 0), now);

    [Fact]
    public void A_due_period_must_start_one_run_per_job_keyed_by_its_period()
    {
        var events = Do(StartDueRuns.Instance, Monday);

        Assert.Equal(["daily-job@2026-11-23", "hourly-job@2026-11-23T09:00:00Z"], events.Cast<JobRunStarted>().Select(e => e.RunKey));
        Assert.All(events.Cast<JobRunStarted>(), e => Assert.Equal(RunTrigger.Schedule, e.Trigger));
    }

    [Fact]
    public void A_period_that_already_ran_must_never_start_again_even_after_its_run_finished()
    {
        Do(StartDueRuns.Instance, Monday);
        Finish("daily-job", Monday.AddMinutes(1));

        Assert.DoesNotContain(Do(StartDueRuns.Instance, Monday.AddHours(5)).OfType<JobRunStarted>(), e => e.Job == "daily-job");
        var next = Assert.Single(Do(StartDueRuns.Instance, Monday.AddDays(1)).OfType<JobRunStarted>(), e => e.Job == "daily-job");
        Assert.Equal("daily-job@2026-11-24", next.RunKey);
    }

    [Fact]
    public void A_run_in_progress_must_hold_back_the_next_period_until_it_finishes()
    {
        Do(StartDueRuns.Instance, Monday);

        Assert.DoesNotContain(Do(StartDueRuns.Instance, Monday.AddDays(1)).OfType<JobRunStarted>(), e => e.Job == "daily-job");
        Finish("daily-job", Monday.AddDays(1));
        Assert.Contains(Do(StartDueRuns.Instance, Monday.AddDays(1)).OfType<JobRunStarted>(), e => e.RunKey == "daily-job@2026-11-24");
    }

    [Fact]
    public void Periods_missed_while_no_scheduler_ran_must_be_caught_up_by_one_run_of_the_latest()
    {
        Do(StartDueRuns.Instance, Monday);
        Finish("daily-job", Monday);

        var started = Do(StartDueRuns.Instance, Monday.AddDays(5)).OfType<JobRunStarted>().Where(e => e.Job == "daily-job");

        Assert.Equal(["daily-job@2026-11-28"], started.Select(e => e.RunKey));
    }

    [Fact]
    public void A_clock_that_goes_back_must_not_rerun_an_earlier_period()
    {
        Do(StartDueRuns.Instance, Monday.AddDays(1));
        Finish("daily-job", Monday.AddDays(1));

        Assert.DoesNotContain(Do(StartDueRuns.Instance, Monday).OfType<JobRunStarted>(), e => e.Job == "daily-job");
    }

    [Fact]
    public void A_paused_job_must_not_start_scheduled_runs_nor_be_triggered_until_resumed()
    {
        Do(new PauseJob("daily-job"), Monday);

        Assert.DoesNotContain(Do(StartDueRuns.Instance, Monday).OfType<JobRunStarted>(), e => e.Job == "daily-job");
        Assert.Contains("paused", Refused(new TriggerJob("daily-job"), RejectionKind.Conflict, Monday).Message);
        Assert.Null(_state.View(Daily, Monday).NextRunAt);

        Do(new ResumeJob("daily-job"), Monday);
        Assert.Contains(Do(StartDueRuns.Instance, Monday).OfType<JobRunStarted>(), e => e.RunKey == "daily-job@2026-11-23");
    }

    [Fact]
    public void Pause_and_resume_must_be_idempotent()
    {
        Assert.Single(Do(new PauseJob("daily-job"), Monday));
        Assert.Empty(Do(new PauseJob("daily-job"), Monday));
        Assert.Single(Do(new ResumeJob("daily-job"), Monday));
        Assert.Empty(Do(new ResumeJob("daily-job"), Monday));
    }

    [Fact]
    public void Trigger_must_start_a_numbered_manual_run_that_leaves_the_schedule_alone()
    {
        Do(new TriggerJob("daily-job"), Monday, out var reply);
        Assert.Equal(new JobRunAccepted("daily-job", "daily-job@manual-1"), reply);
        Assert.Contains("in progress", Refused(new TriggerJob("daily-job"), RejectionKind.Conflict, Monday).Message);
        Finish("daily-job", Monday);

        Do(new TriggerJob("daily-job"), Monday, out var second);
        Assert.Equal("daily-job@manual-2", ((JobRunAccepted)second).RunKey);
        Finish("daily-job", Monday);
        Assert.Contains(Do(StartDueRuns.Instance, Monday).OfType<JobRunStarted>(), e => e.RunKey == "daily-job@2026-11-23");
    }

    [Fact]
    public void Progress_must_accumulate_on_the_current_run_and_reports_of_another_run_must_be_ignored()
    {
        Do(StartDueRuns.Instance, Monday);
        var runKey = _state.Job("daily-job").Current!.RunKey;

        Do(new RecordRunProgress("daily-job", runKey, "b", 4, 2, 0, new Dictionary<string, int> { ["charged"] = 2 }, []), Monday);
        Do(new RecordRunProgress("daily-job", runKey, "d", 4, 2, 1, new Dictionary<string, int> { ["charged"] = 1, ["failed"] = 1 }, ["d: no"]), Monday);
        Assert.Empty(Do(new RecordRunProgress("daily-job", "daily-job@old", "z", 9, 9, 0, new Dictionary<string, int>(), []), Monday));

        var run = _state.View(Daily, Monday).Running!;
        Assert.Equal((4, 4, 1, 100.0), (run.Total, run.Processed, run.Failed, run.Percent));
        Assert.Equal(3, run.Counters["charged"]);
        Assert.Equal(["d: no"], run.RecentFailures);
        Assert.Equal("d", _state.Job("daily-job").Current!.Cursor);

        Finish("daily-job", Monday);
        var last = _state.View(Daily, Monday).LastRun!;
        Assert.Equal("completed with 1 failed item(s)", last.Outcome);
        Assert.Null(_state.Job("daily-job").Current);
    }

    [Fact]
    public void Next_run_must_be_the_next_period_start_once_the_current_period_ran()
    {
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero), _state.View(Daily, Monday).NextRunAt); // due now
        Do(StartDueRuns.Instance, Monday);
        Assert.Null(_state.View(Daily, Monday).NextRunAt); // running
        Finish("daily-job", Monday);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero), _state.View(Daily, Monday).NextRunAt);
    }

    [Fact]
    public void History_must_keep_the_latest_runs_only()
    {
        for (var i = 0; i < JobRecord.HistoryKept + 5; i++)
        {
            Do(new TriggerJob("hourly-job"), Monday);
            Finish("hourly-job", Monday);
        }

        var history = _state.View(Hourly, Monday).History;
        Assert.Equal(JobRecord.HistoryKept, history.Count);
        Assert.Equal($"hourly-job@manual-{JobRecord.HistoryKept + 5}", history[0].RunKey);
    }

    [Fact]
    public void Commands_for_an_unknown_job_must_be_not_found_and_name_the_jobs()
    {
        var refused = Refused(new TriggerJob("nope"), RejectionKind.NotFound, Monday);

        Assert.Contains("daily-job, hourly-job", refused.Message);
    }
}
