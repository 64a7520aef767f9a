using MediaPlatform.Actors.Serialization;
using MediaPlatform.Streams.Encoding;
using MediaPlatform.Streams.Quality.Chunks;

namespace MediaPlatform.Actors.Work;

/// <summary>Between a node's worker and the coordinator. Workers reach the coordinator through the singleton proxy.</summary>
public interface IWorkerMessage : IProtocolMessage;

/// <summary>What a worker is running: the work, which attempt, and how far ffmpeg is (0..1).</summary>
public sealed record RunningWork(string WorkId, int Attempt, double Progress);

/// <summary>
/// Sent by every worker every <c>check-in-interval</c>: registers it with a coordinator that does not know it (the
/// first start, or a new coordinator after failover) and keeps the work it runs from being reaped.
/// <see cref="WorkerId"/> is the worker's serialized actor path (unique per incarnation); <see cref="Node"/> its
/// node's address, which is how work is re-queued when the node is removed.
/// </summary>
/// <see cref="Capacity"/> is how many items it takes at once; <see cref="Slots"/> how many of them run at once (the
/// rest wait in its look-ahead queue); <see cref="Cores"/> what they share. 0 (a worker that did not say): the capacity.
[Manifest("work.check-in.v1")]
public sealed record WorkerCheckIn(string WorkerId, string Node, int Capacity, IReadOnlyList<RunningWork> Running, int Slots = 0, int Cores = 0) : IWorkerMessage;

/// <summary>The coordinator's answer to a check-in from a worker it did not know.</summary>
[Manifest("work.worker-registered.v1")]
public sealed record WorkerRegistered(string WorkerId) : IWorkerMessage;

/// <summary>Work for a worker; never more than its free slots.</summary>
[Manifest("work.assign.v1")]
public sealed record AssignWork(IReadOnlyList<WorkAssignment> Assignments) : IWorkerMessage;

/// <summary>One item for a worker: a chunk item carries <see cref="Chunk"/>, an item of the old one-rung shape <see cref="Payload"/>.</summary>
/// <see cref="TraceParent"/>: the W3C context of the upload's trace the encode's span joins (tracing on), else null.
public sealed record WorkAssignment(string WorkId, string BatchId, int Attempt, EncodePayload? Payload, ChunkEncodePayload? Chunk = null,
    string? TraceParent = null)
{
    /// <summary>What to encode, either shape as a chunk × rungs encode.</summary>
    public ChunkEncodePayload Work() => Chunk ?? ChunkEncodePayload.From(Payload ?? throw new InvalidOperationException($"work {WorkId} has no payload"));
}

/// <summary>An attempt succeeded (the output exists and holds every frame). Resent until acknowledged.</summary>
/// <see cref="Span"/> says when and in which slot it ran (the coordinator's timeline).
[Manifest("work.report-done.v1")]
public sealed record ReportWorkDone(string WorkerId, string WorkId, int Attempt, ChunkEncodeResult Result, int Running, EncodeSpan? Span = null) : IWorkerMessage;

/// <summary>An attempt failed; <see cref="Error"/> is ffmpeg's own message. Resent until acknowledged.</summary>
[Manifest("work.report-failed.v1")]
public sealed record ReportWorkFailed(string WorkerId, string WorkId, int Attempt, string Error, int Running, EncodeSpan? Span = null) : IWorkerMessage;

/// <summary>The worker had no free slot for an assignment (its count and the coordinator's disagreed): re-queue it.</summary>
[Manifest("work.decline.v1")]
public sealed record DeclineWork(string WorkerId, string WorkId, int Attempt, int Running) : IWorkerMessage;

/// <summary>The coordinator stored (or had already stored) the outcome of this attempt: the worker stops resending it.</summary>
[Manifest("work.result-ack.v1")]
public sealed record WorkResultAck(string WorkId, int Attempt) : IWorkerMessage;

/// <summary>A chunk item's attempt succeeded: every rung's output exists and holds every frame. Resent until acknowledged.</summary>
/// <see cref="Qc"/>: the chunk's picture quality control, when the item asked for it.
[Manifest("work.report-chunk-done.v1")]
public sealed record ReportChunkDone(string WorkerId, string WorkId, int Attempt, IReadOnlyList<ChunkEncodeResult> Results, int Running, EncodeSpan? Span = null,
    ChunkPictureQc? Qc = null) : IWorkerMessage;

/// <summary>The coordinator no longer wants this work (its batch was cancelled): the worker stops its encode or drops it from its queue.</summary>
[Manifest("work.cancel.v1")]
public sealed record CancelWork(string WorkId) : IWorkerMessage;
