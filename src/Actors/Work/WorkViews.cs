using MediaPlatform.Actors.Serialization;
using MediaPlatform.Streams.Encoding;
using MediaPlatform.Streams.Quality.Chunks;

namespace MediaPlatform.Actors.Work;

/// <summary>A batch with every item: the owner reads results here (notices may be lost with a crashed node).</summary>
[Manifest("work.batch-status.v1")]
public sealed record BatchStatus(
    string BatchId,
    int Total,
    int Submitted,
    int Done,
    int Failed,
    int Pending,
    int InFlight,
    bool Finished,
    IReadOnlyList<WorkItemView> Items) : IProtocolMessage;

/// <summary>
/// One item: where it is, which attempt, the worker running it, and its result or last error. <see cref="Results"/>
/// holds every rung's encode of a completed item (a chunk item has one per rung; <see cref="Result"/> is the first);
/// <see cref="Qc"/> its chunk's picture quality control, when the item checked it. <see cref="Completions"/> counts the
/// completion results the queue stored for it (1 once done: more means a result was accepted twice), and
/// <see cref="CompletedBy"/> names the worker whose result counted.
/// </summary>
public sealed record WorkItemView(
    string WorkId,
    WorkStatus Status,
    int Attempt,
    int Failures,
    string? Worker,
    string? Node,
    double? Progress,
    string? LastError,
    ChunkEncodeResult? Result,
    IReadOnlyList<ChunkEncodeResult>? Results = null,
    ChunkPictureQc? Qc = null,
    int Completions = 0,
    string? CompletedBy = null);

/// <summary>The queue as operators see it (GET /cluster/transcode-queue, `mpctl encodes`).</summary>
[Manifest("work.queue-status.v1")]
public sealed record QueueStatus(
    int Pending,
    int InFlight,
    long CompletedTotal,
    long FailedTotal,
    IReadOnlyDictionary<string, int> InFlightByNode,
    IReadOnlyList<WorkerView> Workers,
    IReadOnlyList<BatchSummary> Batches,
    DateTimeOffset At) : IProtocolMessage;

/// <summary>
/// A registered worker: its capacity (items it takes at once), how many it says it holds, the work the coordinator has
/// in flight on it, when it last checked in, and its slots (concurrent ffmpeg encodes) and cores.
/// </summary>
public sealed record WorkerView(
    string WorkerId,
    string Node,
    int Capacity,
    int Running,
    IReadOnlyList<string> InFlight,
    DateTimeOffset LastSeen,
    int Slots,
    int Cores);

public sealed record BatchSummary(string BatchId, int Total, int Done, int Failed, int Pending, int InFlight, bool Finished);
