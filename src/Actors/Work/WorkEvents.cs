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
