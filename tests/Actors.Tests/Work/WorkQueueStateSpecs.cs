using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Tests.Work.Support;
using MediaPlatform.Actors.Work;

namespace MediaPlatform.Actors.Tests.Work;

/// <summary>Pure rules of the transcode queue: idempotent intake, dispatch, first completion wins, bounded retries, re-queue, bounded state.</summary>
public sealed class WorkQueueStateSpecs
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private const string NodeA = "akka.tcp://media@10.0.0.1:4053";
    private const string NodeB = "akka.tcp://media@10.0.0.2:4053";
    private const string WorkerA = NodeA + "/user/transcode-worker#1";
    private const string WorkerB = NodeB + "/user/transcode-worker#2";

    private WorkQueueState _state = WorkQueueState.Empty;

    private (IReadOnlyList<IWorkEvent> Events, object Reply) Do(Func<WorkQueueState, Decision<IWorkEvent>> decide)
    {
        var (state, events, reply) = Decisions.Accept(_state, decide(_state));
        _state = state;
        return (events, reply);
    }

    private void SubmitBatch(string batchId, int size)
    {
        for (var i = 0; i < size; i++) Do(s => s.Submit(WorkSamples.Submit($"{batchId}-w{i}", batchId, size, i), T0));
    }

    private IReadOnlyList<WorkStarted> Dispatch(params WorkerDemand[] demand) =>
        Do(s => s.Dispatch(demand, T0)).Events.Cast<WorkStarted>().ToList();

    private static WorkerDemand A(int slots) => new(WorkerA, NodeA, slots);
    private static WorkerDemand B(int slots) => new(WorkerB, NodeB, slots);

    private object Report(string workId, int attempt, string worker) =>
        Do(s => s.Complete(workId, attempt, worker, WorkSamples.Result(s.Items[workId].Payload), T0)).Reply;

    [Fact]
    public void Intake_must_be_idempotent_by_work_id_and_acknowledge_only_what_it_stores()
    {
        var (events, reply) = Do(s => s.Submit(WorkSamples.Submit("w1", "title-1", 2), T0));
        var again = Do(s => s.Submit(WorkSamples.Submit("w1", "title-1", 2), T0.AddSeconds(5)));

        var accepted = Assert.IsType<WorkAccepted>(Assert.Single(events));
        Assert.Equal(("w1", "title-1", 2), (accepted.WorkId, accepted.BatchId, accepted.BatchSize));
        Assert.Equal(new WorkAck("w1", "title-1", Repeat: false), reply);
        Assert.Empty(again.Events);
        Assert.Equal(new WorkAck("w1", "title-1", Repeat: true), again.Reply);
        Assert.Equal(["w1"], _state.Pending);
        Assert.Equal(WorkStatus.Pending, _state.Items["w1"].Status);
    }

    [Fact]
    public void Intake_must_queue_each_batchs_items_in_presentation_order_whatever_order_they_arrive_in()
    {
        // Items are submitted in parallel: chunk 2 may arrive before chunk 0. Batches keep their first-come order.
        foreach (var (id, batch) in new[] { ("a/00002", "a"), ("b/00000", "b"), ("a/00000/240p", "a"), ("a/00001", "a"), ("a/00000/720p", "a") })
            Do(s => s.Submit(WorkSamples.Submit(id, batch, 4), T0));

        Assert.Equal(["a/00000/240p", "a/00000/720p", "a/00001", "a/00002", "b/00000"], _state.Pending);
    }

    [Fact]
    public void Intake_must_refuse_a_work_id_of_another_batch_a_wrong_size_and_a_batch_beyond_its_size()
    {
        SubmitBatch("title-1", 1);

        Decisions.Refused(_state.Submit(WorkSamples.Submit("title-1-w0", "title-2", 1), T0), RejectionKind.Conflict);
        Decisions.Refused(_state.Submit(WorkSamples.Submit("other", "title-1", 3), T0), RejectionKind.Invalid);
        Decisions.Refused(_state.Submit(WorkSamples.Submit("extra", "title-1", 1), T0), RejectionKind.Conflict);
        Decisions.Refused(_state.Submit(WorkSamples.Submit("", "title-1", 1), T0), RejectionKind.Invalid);
        Decisions.Refused(_state.Submit(WorkSamples.Submit("x", "title-9", 0), T0), RejectionKind.Invalid);
    }

    [Fact]
    public void Dispatch_must_hand_out_the_oldest_work_round_robin_within_each_workers_free_slots_and_never_twice()
    {
        SubmitBatch("t", 4);

        var started = Dispatch(A(2), B(1));
        var again = Dispatch(A(2), B(1));

        Assert.Equal([("t-w0", WorkerA), ("t-w1", WorkerB), ("t-w2", WorkerA)], started.Select(s => (s.WorkId, s.Worker)));
        Assert.All(started, s => Assert.Equal(1, s.Attempt));
        Assert.Equal(NodeB, started[1].Node);
        Assert.Equal(["t-w3"], again.Select(s => s.WorkId)); // only what is still pending
        Assert.Empty(_state.Pending);
        Assert.Equal(["t-w0", "t-w2", "t-w3"], _state.InFlightOnWorker(WorkerA));
        Assert.Empty(Dispatch(A(5)));
    }

    [Fact]
    public void The_first_completion_must_win_and_a_late_report_of_a_requeued_attempt_must_be_acknowledged_and_ignored()
    {
        SubmitBatch("t", 1);
        Dispatch(A(1));
        Do(s => s.Requeue(["t-w0"], "worker silent", T0));
        var second = Assert.Single(Dispatch(B(1)));

        var first = Report("t-w0", 1, WorkerA); // the first attempt was slow, not dead
        var late = Do(s => s.Complete("t-w0", 2, WorkerB, WorkSamples.Result(s.Items["t-w0"].Payload), T0));

        Assert.Equal(2, second.Attempt);
        Assert.Equal(new WorkResultAck("t-w0", 1), first);
        Assert.Empty(late.Events);
        Assert.Equal(new WorkResultAck("t-w0", 2), late.Reply);
        var item = _state.Items["t-w0"];
        Assert.Equal((WorkStatus.Completed, WorkerA), (item.Status, item.CompletedBy));
        Assert.Equal((1L, 1), (_state.CompletedTotal, _state.Batches["t"].Done));
        Assert.NotNull(_state.Batches["t"].FinishedAt);
    }

    [Fact]
    public void A_failing_attempt_must_be_retried_until_max_attempts_then_fail_with_ffmpegs_error()
    {
        SubmitBatch("t", 2);
        Dispatch(A(2));
        var retry = Do(s => s.Fail("t-w0", 1, WorkerA, "ffmpeg failed with exit code 1: Invalid data", maxAttempts: 2, T0));
        Assert.True(Assert.IsType<WorkFailed>(Assert.Single(retry.Events)).WillRetry);
        Assert.Equal(["t-w0"], _state.Pending);

        var attempt2 = Assert.Single(Dispatch(B(1)));
        var stale = Do(s => s.Fail("t-w0", 1, WorkerA, "late copy of the first failure", 2, T0));
        var final = Do(s => s.Fail("t-w0", 2, WorkerB, "ffmpeg failed with exit code 1: moov atom not found", 2, T0));

        Assert.Equal(2, attempt2.Attempt);
        Assert.Empty(stale.Events);
        Assert.False(Assert.IsType<WorkFailed>(Assert.Single(final.Events)).WillRetry);
        var item = _state.Items["t-w0"];
        Assert.Equal((WorkStatus.Failed, 2, "ffmpeg failed with exit code 1: moov atom not found"), (item.Status, item.Failures, item.LastError));
        Assert.Equal((0, 1), (_state.Batches["t"].Done, _state.Batches["t"].Failed));
        Assert.Null(_state.Batches["t"].FinishedAt); // t-w1 still runs
        Assert.Empty(Do(s => s.Complete("t-w0", 2, WorkerB, WorkSamples.Result(s.Items["t-w0"].Payload), T0)).Events);
    }

    [Fact]
    public void Work_in_flight_on_a_lost_node_or_silent_past_the_timeout_must_go_back_to_the_front_of_the_queue()
    {
        SubmitBatch("t", 4);
        Dispatch(A(1), B(2));
        var timeout = TimeSpan.FromSeconds(30);

        var onA = _state.InFlightOnNode(NodeA);
        var requeued = Do(s => s.Requeue(onA, $"node {NodeA} was removed", T0));
        var heard = new Dictionary<string, DateTimeOffset> { ["t-w1"] = T0.AddSeconds(50) };
        var stale = _state.StaleWork(id => heard.TryGetValue(id, out var t) ? t : null, T0, T0.AddSeconds(60), timeout);

        Assert.Equal(["t-w0"], onA);
        Assert.Equal(["t-w0"], Assert.IsType<ReapResult>(requeued.Reply).Requeued);
        Assert.Equal(["t-w0", "t-w3"], _state.Pending); // the re-queued item first
        Assert.Equal(["t-w2"], stale); // t-w1 was reported 10 s ago; t-w2 not since it started 60 s ago
        Assert.Empty(_state.StaleWork(_ => null, notBefore: T0.AddSeconds(45), T0.AddSeconds(60), timeout)); // a new coordinator waits
        Assert.Equal(["t-w1", "t-w2"], _state.InFlightOffNodes(new HashSet<string> { NodeA }));
        Assert.Empty(Do(s => s.Requeue(["t-w0", "t-w3"], "nothing in flight", T0)).Events);
    }

    [Fact]
    public void A_declined_assignment_must_be_requeued_only_for_the_attempt_and_worker_it_was_given_to()
    {
        SubmitBatch("t", 1);
        Dispatch(A(1));

        Assert.Empty(Do(s => s.Decline("t-w0", 1, WorkerB, T0)).Events);
        Assert.IsType<WorkRequeued>(Assert.Single(Do(s => s.Decline("t-w0", 1, WorkerA, T0)).Events));
        Assert.Equal(["t-w0"], _state.Pending);
    }

    [Fact]
    public void An_acknowledged_batch_must_be_forgotten_and_late_reports_and_submits_for_it_must_change_nothing()
    {
        SubmitBatch("t", 2);
        Dispatch(A(2));
        Decisions.Refused(_state.Acknowledge("t", T0), RejectionKind.Conflict); // unfinished
        Report("t-w0", 1, WorkerA);
        Report("t-w1", 1, WorkerA);

        var (_, reply) = Do(s => s.Acknowledge("t", T0));

        Assert.Equal(new BatchForgotten("t"), reply);
        Assert.Empty(_state.Items);
        Assert.Empty(_state.Batches);
        Assert.Empty(_state.FinishedBatches);
        Assert.Equal(2L, _state.CompletedTotal);
        Assert.Empty(Do(s => s.Complete("t-w0", 1, WorkerA, WorkSamples.Result(WorkSamples.Payload(0)), T0)).Events);
        Decisions.Refused(_state.Submit(WorkSamples.Submit("t-w0", "t", 2), T0), RejectionKind.Conflict);
        Assert.Equal(new BatchForgotten("t"), Do(s => s.Acknowledge("t", T0)).Reply); // a repeated acknowledgement
        Assert.Null(_state.StatusOf("t", _ => null));
    }

    [Fact]
    public void Finished_batches_nobody_acknowledges_must_not_grow_the_state_beyond_the_bound()
    {
        const int batches = WorkQueueState.FinishedBatchesKept + 10;
        for (var b = 0; b < batches; b++)
        {
            SubmitBatch($"t{b:D3}", 1);
            Dispatch(A(1));
            Report($"t{b:D3}-w0", 1, WorkerA);
        }

        Assert.Equal(WorkQueueState.FinishedBatchesKept, _state.Batches.Count);
        Assert.Equal(WorkQueueState.FinishedBatchesKept, _state.Items.Count);
        Assert.Equal("t010", _state.FinishedBatches[0]); // the ten oldest were forgotten
        Assert.False(_state.Batches.ContainsKey("t009"));
        Assert.Equal((long)batches, _state.CompletedTotal);
    }

    [Fact]
    public void Batch_status_must_count_every_item_by_state()
    {
        SubmitBatch("t", 3);
        Dispatch(A(2));
        Report("t-w0", 1, WorkerA);

        var status = _state.StatusOf("t", id => id == "t-w1" ? 0.5 : null)!;

        Assert.Equal((3, 3, 1, 0, 1, 1, false), (status.Total, status.Submitted, status.Done, status.Failed, status.Pending, status.InFlight, status.Finished));
        Assert.Equal(0.5, status.Items.Single(i => i.WorkId == "t-w1").Progress);
        Assert.Equal("/shared/title/240p/chunk_00000.mp4", status.Items[0].Result!.OutputPath);
    }
}
