using Akka.Actor;
using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Actors.Work;

/// <summary>What submitters, operators and scheduled jobs ask of the transcode coordinator (through its proxy).</summary>
public interface ITranscodeCommand : IProtocolMessage;

/// <summary>
/// Queues one chunk × rung encode (the shape before one decode per chunk; see <see cref="SubmitChunkWork"/>). Idempotent by <see cref="WorkId"/>: a repeat is acknowledged again and changes
/// nothing. Answered with <see cref="WorkAck"/> only once the work is stored. <see cref="BatchSize"/> is the number of
/// items the batch (one title) will hold, so the coordinator knows when it is finished. <see cref="Subscriber"/> is
/// the serialized path of the actor told about progress (<see cref="WorkDone"/>, <see cref="WorkFailure"/>,
/// <see cref="BatchProgress"/>); the first submit of a batch that names one sets it.
/// </summary>
[Manifest("work.submit.v1")]
public sealed record SubmitWork(string WorkId, string BatchId, int BatchSize, EncodePayload Payload, string? Subscriber)
    : ITranscodeCommand
{
    public static SubmitWork For(string workId, string batchId, int batchSize, EncodePayload payload, IActorRef? subscriber) =>
        new(workId, batchId, batchSize, payload, subscriber is null ? null : ActorRefText.Of(subscriber));
}

/// <summary>Answered with <see cref="BatchStatus"/>, or a NotFound rejection for a batch never seen or already forgotten.</summary>
[Manifest("work.get-batch.v1")]
public sealed record GetBatchStatus(string BatchId) : ITranscodeCommand;

/// <summary>Answered with <see cref="QueueStatus"/>: depth, work in flight per worker and node, registered workers.</summary>
[Manifest("work.get-queue.v1")]
public sealed record GetQueueStatus : ITranscodeCommand
{
    public static readonly GetQueueStatus Instance = new();
}

/// <summary>
/// Re-queues work in flight whose worker has said nothing about it for <c>work-timeout</c>. The coordinator does this
/// itself every <c>reap-interval</c>; a scheduled job may send it too. Answered with <see cref="ReapResult"/>.
/// </summary>
[Manifest("work.reap-stale.v1")]
public sealed record ReapStaleWork : ITranscodeCommand
{
    public static readonly ReapStaleWork Instance = new();
}

/// <summary>
/// The batch's owner has taken its results: the coordinator forgets the batch's items (its state stays bounded).
/// Refused while the batch is unfinished. Answered with <see cref="BatchForgotten"/>.
/// </summary>
[Manifest("work.ack-batch.v1")]
public sealed record AcknowledgeBatch(string BatchId) : ITranscodeCommand;

/// <summary>
/// Queues one chunk × every rung encode (<see cref="ChunkEncodePayload"/>); otherwise exactly like <see cref="SubmitWork"/>:
/// idempotent by work id, answered with <see cref="WorkAck"/> once stored.
/// </summary>
[Manifest("work.submit-chunk.v1")]
public sealed record SubmitChunkWork(string WorkId, string BatchId, int BatchSize, ChunkEncodePayload Payload, string? Subscriber)
    : ITranscodeCommand
{
    public static SubmitChunkWork For(string workId, string batchId, int batchSize, ChunkEncodePayload payload, IActorRef? subscriber) =>
        new(workId, batchId, batchSize, payload, subscriber is null ? null : ActorRefText.Of(subscriber));
}

/// <summary>
/// The batch's owner gives up on it (its title failed): pending items are dropped, encodes in flight are stopped and
/// their results ignored. Idempotent; a finished batch is left as it is. Answered with <see cref="BatchCancelAck"/>.
/// </summary>
[Manifest("work.cancel-batch.v1")]
public sealed record CancelBatch(string BatchId, string Reason) : ITranscodeCommand;
