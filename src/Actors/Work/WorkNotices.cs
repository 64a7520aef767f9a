using MediaPlatform.Actors.Serialization;
using MediaPlatform.Streams.Encoding;

namespace MediaPlatform.Actors.Work;

/// <summary>
/// Told to a batch's subscriber after the coordinator stored the change. Early notices, not the record: a notice can
/// be lost with a crashed node, so an owner reads <see cref="GetBatchStatus"/> once the batch is finished (the final
/// <see cref="BatchProgress"/> is repeated a few times, also by a new coordinator after failover).
/// </summary>
public interface IWorkNotice : IProtocolMessage
{
    string BatchId { get; }
}

[Manifest("work.notice-done.v1")]
public sealed record WorkDone(string WorkId, string BatchId, ChunkEncodeResult Result) : IWorkNotice;

/// <summary>The work failed on every allowed attempt; <see cref="Error"/> is the last attempt's ffmpeg message.</summary>
[Manifest("work.notice-failed.v1")]
public sealed record WorkFailure(string WorkId, string BatchId, string Error, int Attempts) : IWorkNotice;

/// <summary>Counts of a batch; finished when <c>Done + Failed == Total</c>.</summary>
[Manifest("work.notice-progress.v1")]
public sealed record BatchProgress(string BatchId, int Done, int Total, int Failed) : IWorkNotice
{
    public bool IsFinished() => Done + Failed >= Total;
}

/// <summary>A chunk item is done: one result per rung.</summary>
[Manifest("work.notice-chunk-done.v1")]
public sealed record WorkChunkDone(string WorkId, string BatchId, IReadOnlyList<ChunkEncodeResult> Results) : IWorkNotice;
