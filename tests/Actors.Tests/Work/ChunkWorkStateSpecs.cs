using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Tests.Support;
using MediaPlatform.Actors.Tests.Work.Support;
using MediaPlatform.Actors.Work;

namespace MediaPlatform.Actors.Tests.Work;

/// <summary>
/// Pure rules of chunk items (one chunk to every rung in one encode): intake, one result per rung or the attempt fails,
/// dispatch balanced by item size over workers' cores, and cancelling a batch whose title failed.
/// </summary>
public sealed class ChunkWorkStateSpecs
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private const string NodeA = "akka.tcp://media@10.0.0.1:4053";
    private const string NodeB = "akka.tcp://media@10.0.0.2:4053";
    private const string WorkerA = NodeA + "/user/transcode-worker#1";
    private const string WorkerB = NodeB + "/user/transcode-worker#2";
    private static readonly TranscodeSettings Settings = TranscodeSettings.From(Akka.Configuration.Config.Empty, cores: 2);

    private WorkQueueState _state = WorkQueueState.Empty;

    private (IReadOnlyList<IWorkEvent> Events, object Reply) Do(Func<WorkQueueState, Decision<IWorkEvent>> decide)
    {
        var (state, events, reply) = Decisions.Accept(_state, decide(_state));
        _state = state;
        return (events, reply);
    }

    private void SubmitChunks(string batchId, int size, double seconds = 2)
    {
        for (var i = 0; i < size; i++) Do(s => s.SubmitChunk(WorkSamples.SubmitChunk($"{batchId}/{i}", batchId, size, i, seconds), T0));
    }

    private IReadOnlyList<WorkStarted> Dispatch(params WorkerDemand[] demand) =>
        Do(s => s.Dispatch(demand, T0)).Events.Cast<WorkStarted>().ToList();

    [Fact]
    public void A_chunks_items_must_be_queued_by_their_rank_whatever_their_ids_and_arrival_order()
    {
        // The last chunk goes largest rung first (rank 0: 720p), though its ids sort by rung name; chunks stay in
        // presentation order and an item without a rank (a whole chunk) counts as rank 0.
        foreach (var (id, chunk, rank) in new[] { ("t/00001/240p", 1, 3), ("t/00001/720p", 1, 0), ("t/00000", 0, (int?)null), ("t/00001/480p", 1, 1),
                     ("t/00001/360p", 1, 2) })
            Do(s => s.SubmitChunk(new SubmitChunkWork(id, "t", 5, WorkSamples.ChunkPayload(chunk) with { Rank = rank }, null), T0));

        Assert.Equal(["t/00000", "t/00001/720p", "t/00001/480p", "t/00001/360p", "t/00001/240p"], _state.Pending);
    }

    [Fact]
    public void A_chunk_item_must_be_stored_with_its_rungs_and_size_and_complete_with_one_result_per_rung()
    {
        SubmitChunks("t", 1);
        Dispatch(new WorkerDemand(WorkerA, NodeA, 1));
        var payload = _state.Items["t/0"].Chunk!;

        var (events, reply) = Do(s => s.Handle(new ReportChunkDone(WorkerA, "t/0", 1, WorkSamples.Results(payload).Reverse().ToList(), 0), Settings, T0));

        var completed = Assert.IsType<WorkChunkCompleted>(Assert.Single(events));
        Assert.Equal(payload.Rungs.Select(r => r.Name), completed.Results.Select(r => r.RungName)); // stored in the ladder's order
        Assert.Equal(new WorkResultAck("t/0", 1), reply);
        Assert.Equal(1280L * 720 * 2 * payload.Rungs.Count, payload.PixelSeconds);
        var view = _state.StatusOf("t", _ => null)!;
        Assert.True(view.Finished);
        Assert.Equal(payload.Rungs.Count, view.Items[0].Results!.Count);
        // A second success of the same item is acknowledged and changes nothing (one encode per chunk and rung).
        Assert.Empty(Do(s => s.Handle(new ReportChunkDone(WorkerB, "t/0", 1, WorkSamples.Results(payload), 0), Settings, T0)).Events);
    }

    [Fact]
    public void A_chunk_result_with_its_picture_check_must_store_the_check_and_show_it_on_the_item()
    {
        SubmitChunks("q", 1);
        Dispatch(new WorkerDemand(WorkerA, NodeA, 1));
        var payload = _state.Items["q/0"].Chunk!;
        var qc = new Streams.Quality.Chunks.ChunkPictureQc(TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8),
            [new Streams.Quality.Video.TimeRange(TimeSpan.FromSeconds(6), TimeSpan.FromSeconds(8))], [],
            [new Streams.Quality.Pixels.StuckPixel(3, 4, Streams.Quality.Pixels.StuckPixelKind.Dark, 0.9)], 1, 8);

        var (events, _) = Do(s => s.Handle(new ReportChunkDone(WorkerA, "q/0", 1, WorkSamples.Results(payload), 0, Qc: qc), Settings, T0));

        Assert.Equal([typeof(WorkChunkChecked), typeof(WorkChunkCompleted)], events.Select(e => e.GetType()));
        Assert.Equal(qc.Black, Assert.Single(_state.StatusOf("q", _ => null)!.Items).Qc!.Black);
        Assert.Equal(qc.StuckPixels, _state.Items["q/0"].Qc!.ToQc().StuckPixels);
        // A late second report of the item stores no second check.
        Assert.Empty(Do(s => s.Handle(new ReportChunkDone(WorkerB, "q/0", 1, WorkSamples.Results(payload), 0, Qc: qc), Settings, T0)).Events);
    }

    [Fact]
    public void A_chunk_result_missing_a_rung_or_holding_one_twice_must_count_as_a_failed_attempt()
    {
        SubmitChunks("t", 1);
        Dispatch(new WorkerDemand(WorkerA, NodeA, 1));
        var results = WorkSamples.Results(_state.Items["t/0"].Chunk!);

        var missing = Do(s => s.Handle(new ReportChunkDone(WorkerA, "t/0", 1, results.Skip(1).ToList(), 0), Settings, T0));
        Dispatch(new WorkerDemand(WorkerA, NodeA, 1));
        var twice = Do(s => s.Handle(new ReportChunkDone(WorkerA, "t/0", 2, [.. results.Skip(1), results[1]], 0), Settings, T0));

        Assert.Contains("expected each of", Assert.IsType<WorkFailed>(Assert.Single(missing.Events)).Error);
        Assert.IsType<WorkFailed>(Assert.Single(twice.Events));
        Assert.Equal((WorkStatus.Pending, 2), (_state.Items["t/0"].Status, _state.Items["t/0"].Failures));
    }

    [Fact]
    public void Intake_must_refuse_a_chunk_payload_without_one_output_per_rung_or_with_a_rung_twice()
    {
        var good = WorkSamples.ChunkPayload(0);
        Decisions.Refused(_state.SubmitChunk(new SubmitChunkWork("w", "b", 1, good with { OutputPaths = good.OutputPaths.Skip(1).ToList() }, null), T0), RejectionKind.Invalid);
        Decisions.Refused(_state.SubmitChunk(new SubmitChunkWork("w", "b", 1, good with { Rungs = [good.Rungs[0], good.Rungs[0], good.Rungs[1], good.Rungs[2]] }, null), T0), RejectionKind.Invalid);
        Decisions.Refused(_state.SubmitChunk(new SubmitChunkWork("w", "b", 1, good with { Rungs = [], OutputPaths = [] }, null), T0), RejectionKind.Invalid);
    }

    [Fact]
    public void Dispatch_must_give_each_item_to_the_worker_with_the_lowest_load_per_core()
    {
        // Six equal items; A has 4 cores, B 2: A takes twice B's share while both have free slots.
        SubmitChunks("t", 6);
        var started = Dispatch(new WorkerDemand(WorkerA, NodeA, 6, Cores: 4), new WorkerDemand(WorkerB, NodeB, 6, Cores: 2));
        Assert.Equal(4, started.Count(s => s.Worker == WorkerA));
        Assert.Equal(2, started.Count(s => s.Worker == WorkerB));
    }

    [Fact]
    public void Dispatch_must_count_the_size_of_what_a_worker_already_holds()
    {
        // A already holds a big item; the next two small ones go to B first, although A is listed first.
        SubmitChunks("big", 1, seconds: 8);
        Dispatch(new WorkerDemand(WorkerA, NodeA, 1));
        SubmitChunks("small", 2);
        var load = _state.Items["big/0"].Size();

        var started = Dispatch(new WorkerDemand(WorkerA, NodeA, 2, Cores: 1, Load: load), new WorkerDemand(WorkerB, NodeB, 2, Cores: 1));

        Assert.Equal([("small/0", WorkerB), ("small/1", WorkerB)], started.Select(s => (s.WorkId, s.Worker)));
    }

    [Fact]
    public void Cancelling_a_batch_must_drop_its_pending_items_ignore_late_results_and_finish_it()
    {
        SubmitChunks("t", 4);
        SubmitChunks("other", 1);
        Dispatch(new WorkerDemand(WorkerA, NodeA, 1)); // t/0 in flight on A
        var inFlight = _state.InFlightOfBatch("t");

        var (events, reply) = Do(s => s.Handle(new CancelBatch("t", "title t failed: chunk 3 unreadable"), WorkerActivity.Since(T0), Settings, T0));

        Assert.IsType<BatchCancelled>(Assert.Single(events));
        Assert.Equal(new BatchCancelAck("t", 4), reply);
        Assert.Equal([(WorkerA, "t/0")], inFlight);
        Assert.Equal(["other/0"], _state.Pending); // nothing of t is dispatched again
        Assert.All(Enumerable.Range(0, 4), i => Assert.Equal(WorkStatus.Failed, _state.Items[$"t/{i}"].Status));
        Assert.StartsWith("cancelled: title t failed", _state.Items["t/2"].LastError);
        var status = _state.StatusOf("t", _ => null)!;
        Assert.Equal((true, 0, 4, 0, 0), (status.Finished, status.Done, status.Failed, status.Pending, status.InFlight));
        // The encode that was running reports late: acknowledged, ignored.
        var late = Do(s => s.Handle(new ReportChunkDone(WorkerA, "t/0", 1, WorkSamples.Results(s.Items["t/0"].Chunk!), 0), Settings, T0));
        Assert.Empty(late.Events);
        Assert.Equal(new WorkResultAck("t/0", 1), late.Reply);
        // Cancelling again, or submitting into the cancelled batch, changes nothing; the owner can acknowledge it.
        Assert.Equal(new BatchCancelAck("t", 0), Do(s => s.Cancel("t", "again", T0)).Reply);
        Decisions.Refused(_state.SubmitChunk(WorkSamples.SubmitChunk("t/9", "t", 4, 9), T0), RejectionKind.Conflict);
        Assert.IsType<BatchAcknowledged>(Assert.Single(Do(s => s.Acknowledge("t", T0)).Events));
        Assert.Equal(WorkStatus.Pending, _state.Items["other/0"].Status);
    }

    [Fact]
    public void Cancelling_a_batch_not_yet_whole_must_finish_it_counting_items_never_submitted()
    {
        Do(s => s.SubmitChunk(WorkSamples.SubmitChunk("t/0", "t", 3, 0), T0));

        var (_, reply) = Do(s => s.Cancel("t", "title failed", T0));

        Assert.Equal(new BatchCancelAck("t", 3), reply);
        Assert.True(_state.Batches["t"].FinishedAt is not null);
        Assert.Empty(_state.Pending);
    }

    [Fact]
    public void An_item_of_the_old_one_rung_shape_must_still_run_and_complete_as_a_ladder_of_one()
    {
        Do(s => s.Submit(WorkSamples.Submit("old", "b", 1), T0));
        Dispatch(new WorkerDemand(WorkerA, NodeA, 1));
        var work = _state.Items["old"].Work();

        Do(s => s.Handle(new ReportChunkDone(WorkerA, "old", 1, WorkSamples.Results(work), 0), Settings, T0));

        Assert.Single(work.Rungs);
        Assert.Equal(WorkStatus.Completed, _state.Items["old"].Status);
        Assert.Equal(work.OutputPaths[0], Assert.Single(_state.StatusOf("b", _ => null)!.Items[0].Results!).OutputPath);
    }
}
