using Akka.Actor;
using Akka.Configuration;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Scheduling;
using MediaPlatform.Actors.Tests.Support;

namespace MediaPlatform.Actors.Tests.Scheduling;

/// <summary>The scheduler actor over the in-memory journal: runs, pause, trigger, and resumption after a crash.</summary>
public sealed class RecurringSchedulerSpecs() : Akka.TestKit.Xunit2.TestKit(Config)
{
    private static readonly Config Config = ConfigurationFactory.ParseString("""
            media-platform.scheduler {
              tick-interval = 100ms
              checkpoint-every = 2
              checkpoint-interval = 100ms
              item-parallelism = 1
              runner-restart-delay = 200ms
            }
            """).WithFallback(EntitySpecConfig.Create());

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);
    private static readonly string[] Items = ["a", "b", "c", "d", "e", "f"];
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly RecordingJob _job = new("recording", "daily at 00:00", Items);

    private IActorRef StartScheduler() =>
        Sys.ActorOf(RecurringScheduler.PropsFor([_job], SchedulerSettings.From(Sys), EntitySettings.From(Sys), _clock));

    private static async Task<ScheduledJobView> ViewAsync(IActorRef scheduler) =>
        Assert.IsType<ScheduledJobView>(await scheduler.Ask<object>(new GetScheduledJob("recording"), Wait));

    private async Task<JobRunView> FinishedAsync(IActorRef scheduler, string runKey)
    {
        JobRunView? run = null;
        await AwaitAssertAsync(async () =>
        {
            run = (await ViewAsync(scheduler)).History.FirstOrDefault(r => r.RunKey == runKey);
            Assert.NotNull(run);
        }, Wait, TimeSpan.FromMilliseconds(50));
        return run!;
    }

    [Fact]
    public async Task A_due_period_must_run_every_item_once_and_record_the_outcome()
    {
        var scheduler = StartScheduler();

        var run = await FinishedAsync(scheduler, "recording@2026-11-23");

        Assert.Equal((6, 6, 0, "completed"), (run.Total, run.Processed, run.Failed, run.Outcome));
        Assert.Equal(6, run.Counters["recorded"]);
        Assert.All(Items, item => Assert.Equal(1, _job.Runs[("recording@2026-11-23", item)]));
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero), (await ViewAsync(scheduler)).NextRunAt);
    }

    [Fact]
    public async Task A_paused_job_must_not_run_when_its_period_comes_and_must_run_once_resumed()
    {
        var scheduler = StartScheduler();
        await FinishedAsync(scheduler, "recording@2026-11-23");
        Assert.True(Assert.IsType<ScheduledJobView>(await scheduler.Ask<object>(new PauseJob("recording"), Wait)).Paused);

        _clock.Advance(TimeSpan.FromDays(1));
        await Task.Delay(TimeSpan.FromMilliseconds(800)); // eight ticks in which a due run would start
        var paused = await ViewAsync(scheduler);
        Assert.Null(paused.Running);
        Assert.Equal(0, _job.TimesRun("recording@2026-11-24"));

        await scheduler.Ask<object>(new ResumeJob("recording"), Wait);
        await FinishedAsync(scheduler, "recording@2026-11-24");
        Assert.Equal(Items.Length, _job.TimesRun("recording@2026-11-24"));
    }

    [Fact]
    public async Task A_triggered_job_must_run_once_and_a_second_trigger_during_the_run_must_be_refused()
    {
        var scheduler = StartScheduler();
        await FinishedAsync(scheduler, "recording@2026-11-23");
        _job.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _job.HoldFrom = "c";

        var accepted = Assert.IsType<JobRunAccepted>(await scheduler.Ask<object>(new TriggerJob("recording"), Wait));
        var second = Assert.IsType<Rejection>(await scheduler.Ask<object>(new TriggerJob("recording"), Wait));
        _job.Gate.SetResult();

        var run = await FinishedAsync(scheduler, accepted.RunKey);
        Assert.Equal(("recording@manual-1", RunTrigger.Manual), (run.RunKey, run.Trigger));
        Assert.Equal(RejectionKind.Conflict, second.Kind);
        Assert.All(Items, item => Assert.Equal(1, _job.Runs[(accepted.RunKey, item)]));
        Assert.Equal(2, (await ViewAsync(scheduler)).History.Count);
    }

    [Fact]
    public async Task A_scheduler_stopped_mid_run_must_resume_after_its_last_checkpoint_when_it_comes_back()
    {
        _job.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _job.HoldFrom = "e";
        var scheduler = StartScheduler();
        await AwaitAssertAsync(async () => Assert.Equal(4, (await ViewAsync(scheduler)).Running?.Processed), Wait, TimeSpan.FromMilliseconds(50));

        Watch(scheduler);
        scheduler.Tell(PoisonPill.Instance); // the singleton's node goes away mid-run
        ExpectTerminated(scheduler);
        _job.Gate.SetResult();

        var restarted = StartScheduler();
        var run = await FinishedAsync(restarted, "recording@2026-11-23");
        Assert.Equal((6, 0, 1), (run.Processed, run.Failed, run.Resumptions));
        // Checkpointed items are never redone; the rest may run again (at least once), which is why jobs are idempotent.
        Assert.All(Items[..4], item => Assert.Equal(1, _job.Runs[("recording@2026-11-23", item)]));
        Assert.All(Items[4..], item => Assert.InRange(_job.Runs[("recording@2026-11-23", item)], 1, 2));
    }
}
