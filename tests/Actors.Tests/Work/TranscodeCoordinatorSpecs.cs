using Akka.Actor;
using Akka.Configuration;
using Akka.TestKit;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Tests.Support;
using MediaPlatform.Actors.Tests.Work.Support;
using MediaPlatform.Actors.Work;

namespace MediaPlatform.Actors.Tests.Work;

/// <summary>
/// The coordinator over the in-memory journal, driven through the worker protocol by probes that speak it (the
/// real worker, with ffmpeg, has its own specs): recovery keeps pending and in-flight work, lost work is re-queued,
/// and a late report is counted once.
/// </summary>
public sealed class TranscodeCoordinatorSpecs() : Akka.TestKit.Xunit2.TestKit(Config)
{
    private static readonly Config Config = ConfigurationFactory.ParseString("""
            media-platform.transcode {
              max-attempts = 2
              check-in-interval = 100ms
              work-timeout = 2s
              reap-interval = 100ms
            }
            """).WithFallback(EntitySpecConfig.Create());

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero));

    private IActorRef StartCoordinator() =>
        Sys.ActorOf(TranscodeCoordinator.PropsFor(TranscodeSettings.From(Sys), EntitySettings.From(Sys), _clock));

    private async Task SubmitAsync(IActorRef coordinator, string batch, int size, IActorRef? subscriber = null)
    {
        for (var i = 0; i < size; i++)
            Assert.IsType<WorkAck>(await coordinator.Ask<object>(SubmitWork.For($"{batch}-w{i}", batch, size, WorkSamples.Payload(i), subscriber), Wait));
    }

    private static void CheckIn(TestProbe worker, IActorRef coordinator, int capacity, params RunningWork[] running) =>
        worker.Send(coordinator, new WorkerCheckIn(ActorRefText.Of(worker.Ref), "akka://test", capacity, running));

    private static IReadOnlyList<WorkAssignment> Assigned(TestProbe worker) =>
        ((AssignWork)worker.FishForMessage(m => m is AssignWork, Wait)).Assignments;

    private static void Done(TestProbe worker, IActorRef coordinator, WorkAssignment a, int running = 0)
    {
        worker.Send(coordinator, new ReportWorkDone(ActorRefText.Of(worker.Ref), a.WorkId, a.Attempt, WorkSamples.Result(a.Payload), running));
        worker.FishForMessage(m => m is WorkResultAck ack && ack.WorkId == a.WorkId && ack.Attempt == a.Attempt, Wait);
    }

    private static async Task<BatchStatus> StatusAsync(IActorRef coordinator, string batch) =>
        Assert.IsType<BatchStatus>(await coordinator.Ask<object>(new GetBatchStatus(batch), Wait));

    [Fact]
    public async Task A_coordinator_killed_and_recovered_must_keep_pending_and_in_flight_work_and_finish_the_batch_with_the_same_workers()
    {
        var subscriber = CreateTestProbe();
        var worker = CreateTestProbe();
        var coordinator = StartCoordinator();
        await SubmitAsync(coordinator, "title", 4, subscriber.Ref);
        CheckIn(worker, coordinator, capacity: 2);
        var first = Assigned(worker);
        Done(worker, coordinator, first[0]);
        var third = Assert.Single(Assigned(worker));
        var before = await StatusAsync(coordinator, "title");
        Assert.Equal((1, 2, 1), (before.Done, before.InFlight, before.Pending));

        Watch(coordinator);
        coordinator.Tell(PoisonPill.Instance); // its node goes away
        ExpectTerminated(coordinator);
        var restarted = StartCoordinator();

        var after = await StatusAsync(restarted, "title");
        Assert.Equal(before.Items.Select(i => (i.WorkId, i.Status, i.Attempt, i.Worker)), after.Items.Select(i => (i.WorkId, i.Status, i.Attempt, i.Worker)));
        CheckIn(worker, restarted, 2, new RunningWork(first[1].WorkId, 1, 0.5), new RunningWork(third.WorkId, 1, 0.1));
        worker.FishForMessage(m => m is WorkerRegistered, Wait); // the new incarnation learns the worker from its check-in
        worker.ExpectNoMsg(TimeSpan.FromMilliseconds(300)); // both slots busy: nothing more for it
        Done(worker, restarted, first[1], running: 1); // the attempt started before the crash still counts
        var last = Assert.Single(Assigned(worker));
        Done(worker, restarted, third, running: 1);
        Done(worker, restarted, last);

        var final = await StatusAsync(restarted, "title");
        Assert.True(final.Finished);
        Assert.All(final.Items, i => Assert.Equal((WorkStatus.Completed, 1), (i.Status, i.Attempt)));
        subscriber.FishForMessage(m => m is BatchProgress { Done: 4, Total: 4, Failed: 0 }, Wait);
    }

    [Fact]
    public async Task Work_of_a_silent_worker_must_be_redone_elsewhere_and_its_late_result_must_be_counted_once()
    {
        var subscriber = CreateTestProbe();
        var (silent, other) = (CreateTestProbe(), CreateTestProbe());
        var coordinator = StartCoordinator();
        await SubmitAsync(coordinator, "title", 1, subscriber.Ref);
        CheckIn(silent, coordinator, 1);
        var attempt1 = Assert.Single(Assigned(silent));

        _clock.Advance(TimeSpan.FromSeconds(3)); // past work-timeout without a word from the worker
        CheckIn(other, coordinator, 1);
        var attempt2 = Assert.Single(Assigned(other));
        Done(silent, coordinator, attempt1); // it was slow, not dead: first completion wins
        Done(other, coordinator, attempt2); // acknowledged and ignored

        Assert.Equal((attempt1.WorkId, 1, 2), (attempt2.WorkId, attempt1.Attempt, attempt2.Attempt));
        var status = await StatusAsync(coordinator, "title");
        var item = Assert.Single(status.Items);
        Assert.Equal((WorkStatus.Completed, 1, 0), (item.Status, status.Done, status.Failed));
        var notices = subscriber.ReceiveWhile(TimeSpan.FromSeconds(1), m => m);
        Assert.Single(notices.OfType<WorkDone>());
        Assert.Contains(notices, m => m is BatchProgress { Done: 1, Total: 1 });
        var queue = Assert.IsType<QueueStatus>(await coordinator.Ask<object>(GetQueueStatus.Instance, Wait));
        Assert.Equal(1L, queue.CompletedTotal);
    }

    [Fact]
    public async Task Work_of_a_worker_that_stops_must_go_back_to_the_queue_at_once_and_to_a_live_worker()
    {
        var (doomed, survivor) = (CreateTestProbe(), CreateTestProbe());
        var coordinator = StartCoordinator();
        await SubmitAsync(coordinator, "title", 2);
        CheckIn(doomed, coordinator, 2);
        Assert.Equal(2, Assigned(doomed).Count);
        CheckIn(survivor, coordinator, 1);

        Sys.Stop(doomed.Ref); // watched by the coordinator

        var redone = Assert.Single(Assigned(survivor));
        Assert.Equal(2, redone.Attempt);
        Done(survivor, coordinator, redone);
        var next = Assert.Single(Assigned(survivor));
        Assert.Equal(2, next.Attempt);
        Assert.NotEqual(redone.WorkId, next.WorkId);
    }

    [Fact]
    public async Task Reaping_on_command_must_requeue_work_silent_past_the_timeout_and_answer_with_it()
    {
        var worker = CreateTestProbe();
        // No reaper tick of its own within the spec: only the command reaps (as a scheduled job would send it).
        var settings = TranscodeSettings.From(Sys) with { ReapInterval = TimeSpan.FromHours(1) };
        var coordinator = Sys.ActorOf(TranscodeCoordinator.PropsFor(settings, EntitySettings.From(Sys), _clock));
        await SubmitAsync(coordinator, "title", 1);
        CheckIn(worker, coordinator, 1);
        var assignment = Assert.Single(Assigned(worker));

        var fresh = Assert.IsType<ReapResult>(await coordinator.Ask<object>(ReapStaleWork.Instance, Wait));
        _clock.Advance(TimeSpan.FromSeconds(1.5));
        CheckIn(worker, coordinator, 1, new RunningWork(assignment.WorkId, 1, 0.4)); // still running: vouched for
        await coordinator.Ask<object>(GetQueueStatus.Instance, Wait); // the check-in is handled at this time
        _clock.Advance(TimeSpan.FromSeconds(1.5));
        var vouched = Assert.IsType<ReapResult>(await coordinator.Ask<object>(ReapStaleWork.Instance, Wait));
        _clock.Advance(TimeSpan.FromSeconds(1));
        var stale = Assert.IsType<ReapResult>(await coordinator.Ask<object>(ReapStaleWork.Instance, Wait));

        Assert.Empty(fresh.Requeued);
        Assert.Empty(vouched.Requeued);
        Assert.Equal([assignment.WorkId], stale.Requeued);
        Assert.Equal(WorkStatus.Pending, Assert.Single((await StatusAsync(coordinator, "title")).Items).Status);
    }

    [Fact]
    public async Task Cancelling_a_batch_must_tell_the_workers_running_its_items_to_stop_and_never_dispatch_the_rest()
    {
        var worker = CreateTestProbe();
        var coordinator = StartCoordinator();
        for (var i = 0; i < 4; i++)
            Assert.IsType<WorkAck>(await coordinator.Ask<object>(SubmitChunkWork.For($"c{i}", "failing", 4, WorkSamples.ChunkPayload(i), null), Wait));
        CheckIn(worker, coordinator, capacity: 2);
        var running = Assigned(worker);
        Assert.Equal(["c0", "c1"], running.Select(a => a.WorkId));
        Assert.All(running, a => Assert.Equal(WorkSamples.Ladder.Count, a.Chunk!.Rungs.Count));

        var ack = Assert.IsType<BatchCancelAck>(await coordinator.Ask<object>(new CancelBatch("failing", "title failed"), Wait));

        Assert.Equal(4, ack.Cancelled);
        var told = new[] { worker.FishForMessage(m => m is CancelWork, Wait), worker.FishForMessage(m => m is CancelWork, Wait) };
        Assert.Equal(["c0", "c1"], told.Cast<CancelWork>().Select(c => c.WorkId).Order());
        // The worker's slots free up (the cancelled encodes end as failed): nothing of the batch is handed out again.
        foreach (var a in running)
            worker.Send(coordinator, new ReportWorkFailed(ActorRefText.Of(worker.Ref), a.WorkId, a.Attempt, "cancelled", 0));
        CheckIn(worker, coordinator, capacity: 2);
        Assert.DoesNotContain(worker.ReceiveWhile(TimeSpan.FromMilliseconds(500), m => m), m => m is AssignWork);
        var status = await StatusAsync(coordinator, "failing");
        Assert.Equal((true, 0, 4), (status.Finished, status.Done, status.Failed));
        Assert.IsType<BatchForgotten>(await coordinator.Ask<object>(new AcknowledgeBatch("failing"), Wait));
    }
}
