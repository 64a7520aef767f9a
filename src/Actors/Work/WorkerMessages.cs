using MediaPlatform.Actors.Serialization;
using MediaPlatform.Streams.Encoding;

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
[Manifest("work.check-in.v1")]
public sealed record WorkerCheckIn(string WorkerId, string Node, int Capacity, IReadOnlyList<RunningWork> Running) : IWorkerMessage;

/// <summary>The coordinator's answer to a check-in from a worker it did not know.</summary>
[Manifest("work.worker-registered.v1")]
public sealed record WorkerRegistered(string WorkerId) : IWorkerMessage;

/// <summary>Work for a worker; never more than its free slots.</summary>
[Manifest("work.assign.v1")]
public sealed record AssignWork(IReadOnlyList<WorkAssignment> Assignments) : IWorkerMessage;

public sealed record WorkAssignment(string WorkId, string BatchId, int Attempt, EncodePayload Payload);

/// <summary>An attempt succeeded (the output exists and holds every frame). Resent until acknowledged.</summary>
[Manifest("work.report-done.v1")]
public sealed record ReportWorkDone(string WorkerId, string WorkId, int Attempt, ChunkEncodeResult Result, int Running) : IWorkerMessage;

/// <summary>An attempt failed; <see cref="Error"/> is ffmpeg's own message. Resent until acknowledged.</summary>
[Manifest("work.report-failed.v1")]
public sealed record ReportWorkFailed(string WorkerId, string WorkId, int Attempt, string Error, int Running) : IWorkerMessage;

/// <summary>The worker had no free slot for an assignment (its count and the coordinator's disagreed): re-queue it.</summary>
[Manifest("work.decline.v1")]
public sealed record DeclineWork(string WorkerId, string WorkId, int Attempt, int Running) : IWorkerMessage;

/// <summary>The coordinator stored (or had already stored) the outcome of this attempt: the worker stops resending it.</summary>
[Manifest("work.result-ack.v1")]
public sealed record WorkResultAck(string WorkId, int Attempt) : IWorkerMessage;
