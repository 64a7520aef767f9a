using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Actors.Work;

/// <summary>What the coordinator stores; its state is these events folded in order.</summary>
public interface IWorkEvent : IProtocolMessage;

[Manifest("work.accepted.v1")]
public sealed record WorkAccepted(string WorkId, string BatchId, int BatchSize, EncodePayload Payload, string? Subscriber, DateTimeOffset At)
    : IWorkEvent;

/// <summary>Attempt <see cref="Attempt"/> (1, 2, …) of the work was handed to a worker on <see cref="Node"/>.</summary>
[Manifest("work.started.v1")]
public sealed record WorkStarted(string WorkId, string Worker, string Node, int Attempt, DateTimeOffset At) : IWorkEvent;

/// <summary>The first successful attempt to be reported; later reports for the work are acknowledged and ignored.</summary>
[Manifest("work.completed.v1")]
public sealed record WorkCompleted(string WorkId, StoredEncodeResult Result, string Worker, int Attempt, DateTimeOffset At) : IWorkEvent;

/// <summary>An attempt's ffmpeg failed. With <see cref="WillRetry"/> the work is queued again, else it has failed for good.</summary>
[Manifest("work.failed.v1")]
public sealed record WorkFailed(string WorkId, string Error, int Attempt, bool WillRetry, DateTimeOffset At) : IWorkEvent;

/// <summary>Work in flight went back to the queue: its worker's node left, it fell silent, or it declined the work.</summary>
[Manifest("work.requeued.v1")]
public sealed record WorkRequeued(string WorkId, string Reason, DateTimeOffset At) : IWorkEvent;

/// <summary>A finished batch's owner took its results; its items are forgotten.</summary>
[Manifest("work.batch-acknowledged.v1")]
public sealed record BatchAcknowledged(string BatchId, DateTimeOffset At) : IWorkEvent;

/// <summary>
/// A chunk work item was queued: one chunk to every rung of the ladder in one ffmpeg (the shape since one decode per
/// chunk; <see cref="WorkAccepted"/> items, one rung each, still replay and run).
/// </summary>
[Manifest("work.chunk-accepted.v1")]
public sealed record WorkChunkAccepted(string WorkId, string BatchId, int BatchSize, ChunkEncodePayload Payload, string? Subscriber, DateTimeOffset At)
    : IWorkEvent;

/// <summary>The first successful attempt of a chunk item: one result per rung, in the payload's rung order.</summary>
[Manifest("work.chunk-completed.v1")]
public sealed record WorkChunkCompleted(string WorkId, IReadOnlyList<StoredEncodeResult> Results, string Worker, int Attempt, DateTimeOffset At) : IWorkEvent;

/// <summary>
/// The batch's owner gave up on it (its title failed): every item not yet ended fails with <see cref="Reason"/>, so
/// nothing of it is dispatched again, late results are ignored, and the batch is finished (and can be acknowledged).
/// </summary>
[Manifest("work.batch-cancelled.v1")]
public sealed record BatchCancelled(string BatchId, string Reason, DateTimeOffset At) : IWorkEvent;

/// <summary>
/// The picture quality control of a chunk item's first successful attempt (persisted with its
/// <see cref="WorkChunkCompleted"/>, when the item was asked to check its chunk).
/// </summary>
[Manifest("work.chunk-checked.v1")]
public sealed record WorkChunkChecked(string WorkId, StoredChunkQc Qc, int Attempt, DateTimeOffset At) : IWorkEvent;
