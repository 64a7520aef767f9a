using System.Text;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Tests.Serialization;
using MediaPlatform.Actors.Tests.Support;
using MediaPlatform.Actors.Tests.Work.Support;
using MediaPlatform.Actors.Work;

namespace MediaPlatform.Actors.Tests.Work;

/// <summary>
/// The queue's snapshot keeps its stored shape (work.state.v1) for items of the old one-rung shape, and carries chunk
/// items (their payload and per-rung results) and a cancelled batch's reason as optional fields written only when set.
/// </summary>
public sealed class ChunkItemSnapshotSpecs(StoredShapeGoldenSpecs.SerializerFixture fixture) : IClassFixture<StoredShapeGoldenSpecs.SerializerFixture>
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TranscodeSettings Settings = TranscodeSettings.From(Akka.Configuration.Config.Empty, cores: 2);
    private const string Worker = "akka.tcp://media@10.0.0.1:4053/user/transcode-worker#1";

    [Fact]
    public void A_snapshot_with_chunk_items_and_a_cancelled_batch_must_restore_them_and_write_old_items_as_before()
    {
        var state = WorkQueueState.Empty;
        void Do(Func<WorkQueueState, Decision<IWorkEvent>> decide) => state = Decisions.Accept(state, decide(state)).State;
        Do(s => s.Submit(WorkSamples.Submit("old", "old-batch", 1), T0));
        Do(s => s.SubmitChunk(WorkSamples.SubmitChunk("c0", "chunks", 2, 0), T0));
        Do(s => s.SubmitChunk(WorkSamples.SubmitChunk("c1", "chunks", 2, 1), T0));
        Do(s => s.Dispatch([new WorkerDemand(Worker, "akka.tcp://media@10.0.0.1:4053", 3)], T0));
        Do(s => s.Handle(new ReportChunkDone(Worker, "c0", 1, WorkSamples.Results(s.Items["c0"].Chunk!), 0), Settings, T0));
        Do(s => s.Cancel("chunks", "title failed", T0));

        var bytes = fixture.Serializer.ToBinary(state);
        var restored = (WorkQueueState)fixture.Serializer.FromBinary(bytes, fixture.Serializer.Manifest(state));
        var json = Encoding.UTF8.GetString(bytes);

        Assert.Equal("work.state.v1", fixture.Serializer.Manifest(state));
        Assert.Equal(state.Items["c0"].Chunk!.OutputPaths, restored.Items["c0"].Chunk!.OutputPaths);
        Assert.Equal(WorkSamples.Ladder.Count, restored.Items["c0"].Results!.Count);
        Assert.Equal((WorkStatus.Failed, "cancelled: title failed"), (restored.Items["c1"].Status, restored.Items["c1"].LastError));
        Assert.Equal("title failed", restored.Batches["chunks"].CancelledReason);
        Assert.Null(restored.Items["old"].Chunk);
        Assert.Null(restored.Batches["old-batch"].CancelledReason);
        // The old item is written exactly as the old shape: no new field appears for it.
        var old = json[json.IndexOf("\"old\":{", StringComparison.Ordinal)..];
        old = old[..(old.IndexOf("\"lastError\":null}", StringComparison.Ordinal) + 17)];
        Assert.DoesNotContain("\"chunk\":", old.Replace("\"payload\":{\"chunk\":", ""));
        Assert.DoesNotContain("\"results\":", old);
    }
}
