using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Actors.Work;

/// <summary>Answer to <see cref="SubmitWork"/>, sent once the work is stored; <see cref="Repeat"/> when it already was.</summary>
[Manifest("work.ack.v1")]
public sealed record WorkAck(string WorkId, string BatchId, bool Repeat) : IProtocolMessage;

/// <summary>Answer to <see cref="ReapStaleWork"/>: the work ids sent back to the queue.</summary>
[Manifest("work.reap-result.v1")]
public sealed record ReapResult(IReadOnlyList<string> Requeued) : IProtocolMessage;

/// <summary>Answer to <see cref="AcknowledgeBatch"/>.</summary>
[Manifest("work.batch-forgotten.v1")]
public sealed record BatchForgotten(string BatchId) : IProtocolMessage;

/// <summary>Answer to <see cref="CancelBatch"/>: how many items it stopped (0 when the batch had already ended or is unknown).</summary>
[Manifest("work.batch-cancel-ack.v1")]
public sealed record BatchCancelAck(string BatchId, int Cancelled) : IProtocolMessage;
