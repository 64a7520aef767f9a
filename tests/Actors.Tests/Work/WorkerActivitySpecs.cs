using Akka.Configuration;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Tests.Billing.Support;
using MediaPlatform.Actors.Tests.Work.Support;
using MediaPlatform.Actors.Work;

namespace MediaPlatform.Actors.Tests.Work;

/// <summary>Pure rules the coordinator once kept in mutable maps: who vouched for which work, reaping, final notices, and its Handle.</summary>
public sealed class WorkerActivitySpecs
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private const string NodeA = "akka.tcp://media@10.0.0.1:4053";
    private const string WorkerA = NodeA + "/user/transcode-worker#1";
    private const string WorkerB = NodeA + "/user/transcode-worker#2";
    private static readonly TranscodeSettings Settings = TranscodeSettings.From(ConfigurationFactory.ParseString(
        "max-attempts = 2, work-timeout = 30s, check-in-interval = 5s, reap-interval = 10s"), cores: 2);

    private WorkQueueState _queue = WorkQueueState.Empty;
    private WorkerActivity _activity = WorkerActivity.Since(T0);

    private (IReadOnlyList<IWorkEvent> Events, object Reply) Do(Func<WorkQueueState, Decision<IWorkEvent>> decide, DateTimeOffset? at = null)
    {
        var (state, events, reply) = Decisions.Accept(_queue, decide(_queue));
        _queue = state;
        foreach (var e in events) _activity = _activity.After(e, _queue, at ?? T0);
        return (events, reply);
    }

    private void CheckIn(string worker, int capacity, DateTimeOffset at, params RunningWork[] running) =>
        _activity = _activity.CheckedIn(new WorkerCheckIn(worker, NodeA, capacity, running), _queue, at);

    private void SubmitAndStart(string batchId, int size, string worker)
    {
        for (var i = 0; i < size; i++) Do(s => s.Handle(WorkSamples.Submit($"{batchId}-w{i}", batchId, size, i, subscriber: "owner"), _activity, Settings, T0));
        CheckIn(worker, size, T0);
        Do(s => s.DispatchTo(_activity.Roster, Settings.WorkTimeout, T0));
    }

    [Fact]
    public void A_check_in_must_vouch_only_for_work_the_queue_has_in_flight_on_that_worker()
    {
        SubmitAndStart("t", 1, WorkerA);

        CheckIn(WorkerB, 1, T0.AddSeconds(20), new RunningWork("t-w0", 1, 0.9));
        var afterOtherWorker = (_activity.LastSeenOf("t-w0"), _activity.ProgressOf("t-w0"));
        CheckIn(WorkerA, 1, T0.AddSeconds(25), new RunningWork("t-w0", 1, 0.4), new RunningWork("unknown", 1, 0.1));

        Assert.Equal((T0, (double?)null), afterOtherWorker); // dispatch counts as seen; B's word counts for nothing
        Assert.Equal(T0.AddSeconds(25), _activity.LastSeenOf("t-w0"));
        Assert.Equal(0.4, _activity.ProgressOf("t-w0"));
        Assert.Null(_activity.LastSeenOf("unknown"));
        Assert.Equal(0.4, _queue.StatusOf("t", _activity.ProgressOf)!.Items.Single().Progress);
    }

    [Fact]
    public void The_reaper_must_requeue_only_work_nobody_vouched_for_within_the_timeout()
    {
        SubmitAndStart("t", 2, WorkerA);
        CheckIn(WorkerA, 2, T0.AddSeconds(20), new RunningWork("t-w1", 1, 0.5));

        var reaped = Do(s => s.Reap(_activity, Settings.WorkTimeout, T0.AddSeconds(40)));

        Assert.Equal(["t-w0"], Assert.IsType<ReapResult>(reaped.Reply).Requeued);
        Assert.Null(_activity.LastSeenOf("t-w0")); // re-queued work is no longer tracked
        Assert.NotNull(_activity.LastSeenOf("t-w1"));
        Assert.Empty(Do(s => s.Handle(ReapStaleWork.Instance, _activity, Settings, T0.AddSeconds(45))).Events);
    }

    [Fact]
    public void A_new_coordinator_must_give_every_worker_a_full_timeout_before_reaping()
    {
        SubmitAndStart("t", 1, WorkerA);
        _activity = WorkerActivity.Since(T0.AddSeconds(25)); // failover: nothing heard yet

        Assert.Empty(Do(s => s.Reap(_activity, Settings.WorkTimeout, T0.AddSeconds(50))).Events);
        Assert.Single(Do(s => s.Reap(_activity, Settings.WorkTimeout, T0.AddSeconds(56))).Events);
    }

    [Fact]
    public void Worker_reports_must_go_through_Handle_and_retry_until_max_attempts()
    {
        SubmitAndStart("t", 1, WorkerA);

        var retry = Do(s => s.Handle(new ReportWorkFailed(WorkerA, "t-w0", 1, "exit 1", Running: 0), Settings, T0));
        Do(s => s.DispatchTo(_activity.Roster, Settings.WorkTimeout, T0));
        var final = Do(s => s.Handle(new ReportWorkFailed(WorkerA, "t-w0", 2, "exit 1", Running: 0), Settings, T0));

        Assert.True(Assert.IsType<WorkFailed>(Assert.Single(retry.Events)).WillRetry);
        Assert.False(Assert.IsType<WorkFailed>(Assert.Single(final.Events)).WillRetry);
        Assert.Equal(new WorkResultAck("t-w0", 2), final.Reply);
        Decisions.Refused(_queue.Handle(new WorkerRegistered(WorkerA), Settings, T0), RejectionKind.Invalid);
    }

    [Fact]
    public void A_finished_batch_must_have_its_final_progress_sent_three_times_in_all_until_acknowledged()
    {
        SubmitAndStart("t", 1, WorkerA);
        Do(s => s.Handle(new ReportWorkDone(WorkerA, "t-w0", 1, WorkSamples.Result(s.Items["t-w0"].Payload), 0), Settings, T0));

        var resent = new List<IReadOnlyList<string>>();
        for (var tick = 0; tick < 4; tick++)
        {
            (_activity, var due) = _activity.FinalNoticesDue(_queue);
            resent.Add(due);
        }
        Do(s => s.Handle(new AcknowledgeBatch("t"), _activity, Settings, T0));

        Assert.Equal([1, 1, 0, 0], resent.Select(d => d.Count)); // the first of three went out when it finished
        Assert.All(resent.Take(2), d => Assert.Equal("t", Assert.Single(d)));
        Assert.Empty(_activity.FinalNoticesSent);
    }

    [Fact]
    public void Dispatch_must_skip_workers_silent_past_the_timeout()
    {
        for (var i = 0; i < 2; i++) Do(s => s.Submit(WorkSamples.Submit($"t-w{i}", "t", 2, i), T0));
        CheckIn(WorkerA, 1, T0);
        CheckIn(WorkerB, 1, T0.AddSeconds(20));

        var started = Do(s => s.DispatchTo(_activity.Roster, Settings.WorkTimeout, T0.AddSeconds(40))).Events.Cast<WorkStarted>();

        Assert.Equal([WorkerB], started.Select(s => s.Worker));
    }
}
