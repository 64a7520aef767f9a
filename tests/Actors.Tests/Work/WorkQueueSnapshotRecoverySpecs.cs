using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Tests.Serialization;
using MediaPlatform.Actors.Tests.Support;
using MediaPlatform.Actors.Tests.Work.Support;
using MediaPlatform.Actors.Work;

namespace MediaPlatform.Actors.Tests.Work;

/// <summary>
/// The coordinator deletes the events its latest snapshot covers, so the snapshot alone must carry a batch in the
/// middle of its work: pending order, attempts in flight, results already accepted (and how many were), so that a
/// recovered queue neither loses work nor accepts a result twice.
/// </summary>
public sealed class WorkQueueSnapshotRecoverySpecs(StoredShapeGoldenSpecs.SerializerFixture fixture) : IClassFixture<StoredShapeGoldenSpecs.SerializerFixture>
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TranscodeSettings Settings = TranscodeSettings.From(Akka.Configuration.Config.Empty, cores: 2);
    private const string Worker = "akka.tcp://media@10.0.0.1:4053/user/transcode-worker#1";
    private const string Node = "akka.tcp://media@10.0.0.1:4053";

    [Fact]
    public void A_queue_restored_from_its_snapshot_mid_batch_must_keep_its_work_and_refuse_a_result_it_already_accepted()
    {
        var state = WorkQueueState.Empty;
        void Do(Func<WorkQueueState, Decision<IWorkEvent>> decide) => state = Decisions.Accept(state, decide(state)).State;
        for (var chunk = 0; chunk < 4; chunk++)
            Do(s => s.SubmitChunk(WorkSamples.SubmitChunk($"b/{chunk:D3}", "b", 4, chunk), T0));
        Do(s => s.Dispatch([new WorkerDemand(Worker, Node, 2)], T0));
        Do(s => s.Handle(new ReportChunkDone(Worker, "b/000", 1, WorkSamples.Results(s.Items["b/000"].Chunk!), 1), Settings, T0));

        var restored = RoundTrip(state);

        Assert.Equal(["b/002", "b/003"], restored.Pending);
        Assert.Equal((WorkStatus.InFlight, 1, Worker), (restored.Items["b/001"].Status, restored.Items["b/001"].Attempt, restored.Items["b/001"].Worker));
        Assert.Equal((WorkStatus.Completed, 1, WorkSamples.Ladder.Count), (restored.Items["b/000"].Status, restored.Items["b/000"].Completions,
            restored.Items["b/000"].Results!.Count));
        Assert.Equal((1, 0), (restored.Batches["b"].Done, restored.Batches["b"].Failed));
        // The same result reported again after recovery (a worker that did not hear the ack) is acknowledged, not stored.
        var again = Decisions.Accept(restored, restored.Handle(new ReportChunkDone(Worker, "b/000", 1, WorkSamples.Results(restored.Items["b/000"].Chunk!), 1),
            Settings, T0));
        Assert.Empty(again.Events);
        Assert.IsType<WorkResultAck>(again.Reply);
    }

    [Fact]
    public void A_completion_stored_twice_must_show_on_the_item_without_counting_the_item_done_twice()
    {
        var state = WorkQueueState.Empty;
        void Do(Func<WorkQueueState, Decision<IWorkEvent>> decide) => state = Decisions.Accept(state, decide(state)).State;
        Do(s => s.SubmitChunk(WorkSamples.SubmitChunk("b/000", "b", 2, 0), T0));
        Do(s => s.SubmitChunk(WorkSamples.SubmitChunk("b/001", "b", 2, 1), T0));
        Do(s => s.Dispatch([new WorkerDemand(Worker, Node, 2)], T0));
        var results = WorkSamples.Results(state.Items["b/000"].Chunk!).Select(Actors.Work.StoredEncodeResult.From).ToList();
        var completed = new WorkChunkCompleted("b/000", results, Worker, 1, T0);

        state = state.Apply(completed);
        Assert.Equal(1, state.Items["b/000"].Completions);
        state = state.Apply(completed); // what a queue that accepted a result twice would have stored

        Assert.Equal(2, RoundTrip(state).Items["b/000"].Completions);
        Assert.Equal((1, 1L), (state.Batches["b"].Done, state.CompletedTotal));
    }

    private WorkQueueState RoundTrip(WorkQueueState state) =>
        (WorkQueueState)fixture.Serializer.FromBinary(fixture.Serializer.ToBinary(state), fixture.Serializer.Manifest(state));
}
