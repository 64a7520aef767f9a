using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace MediaPlatform.Actors.Work;

public enum WorkStatus { Pending, InFlight, Completed, Failed }

/// <summary>
/// One work item as the coordinator remembers it. <see cref="Attempt"/> counts hand-outs to workers (so a result can
/// be matched to its attempt); <see cref="Failures"/> counts attempts whose ffmpeg failed, which alone are bounded by
/// <c>max-attempts</c> (work re-queued because its node died is not the work's fault).
/// A chunk item (<see cref="WorkChunkAccepted"/>) has no <see cref="Payload"/> but a <see cref="Chunk"/>, and once done
/// its <see cref="Results"/> (one per rung) instead of <see cref="Result"/>. Those two are left out of the stored JSON
/// when null, so an item of the old shape is stored exactly as before.
/// </summary>
public sealed record WorkItem(
    string WorkId,
    string BatchId,
    EncodePayload? Payload,
    WorkStatus Status,
    int Attempt,
    int Failures,
    string? Worker,
    string? Node,
    DateTimeOffset AcceptedAt,
    DateTimeOffset? StartedAt,
    StoredEncodeResult? Result,
    string? CompletedBy,
    string? LastError)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ChunkEncodePayload? Chunk { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ImmutableList<StoredEncodeResult>? Results { get; init; }

    /// <summary>The chunk's picture quality control (<see cref="WorkChunkChecked"/>); left out of the stored JSON when null.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public StoredChunkQc? Qc { get; init; }

    /// <summary>
    /// Completion results the queue stored for this item: 1 once it is done. Counted for every stored completion, also
    /// one arriving after the item ended (which changes nothing else), so a result accepted twice shows here, in the
    /// snapshot, after the journal below it is deleted. Left out of the stored JSON while 0.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int Completions { get; init; }

    public static WorkItem Accepted(WorkAccepted e) =>
        new(e.WorkId, e.BatchId, e.Payload, WorkStatus.Pending, 0, 0, null, null, e.At, null, null, null, null);

    public static WorkItem Accepted(WorkChunkAccepted e) =>
        new(e.WorkId, e.BatchId, null, WorkStatus.Pending, 0, 0, null, null, e.At, null, null, null, null) { Chunk = e.Payload };

    /// <summary>What to encode, either shape as a chunk × rungs encode.</summary>
    public ChunkEncodePayload Work() => Chunk ?? ChunkEncodePayload.From(Payload!);

    /// <summary>Its size for balancing: pixel-seconds of a chunk item, 1 for an item of the old shape.</summary>
    public long Size() => Math.Max(1, Chunk?.PixelSeconds ?? 1);

    /// <summary>Every rung's result of a completed item, whichever shape.</summary>
    public IReadOnlyList<StoredEncodeResult> AllResults() => Results ?? (Result is { } one ? [one] : []);

    public bool IsTerminal() => Status is WorkStatus.Completed or WorkStatus.Failed;
}
