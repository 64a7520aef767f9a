namespace MediaPlatform.Actors.Work;

public enum WorkStatus { Pending, InFlight, Completed, Failed }

/// <summary>
/// One work item as the coordinator remembers it. <see cref="Attempt"/> counts hand-outs to workers (so a result can
/// be matched to its attempt); <see cref="Failures"/> counts attempts whose ffmpeg failed, which alone are bounded by
/// <c>max-attempts</c> (work re-queued because its node died is not the work's fault).
/// </summary>
public sealed record WorkItem(
    string WorkId,
    string BatchId,
    EncodePayload Payload,
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
    public static WorkItem Accepted(WorkAccepted e) =>
        new(e.WorkId, e.BatchId, e.Payload, WorkStatus.Pending, 0, 0, null, null, e.At, null, null, null, null);

    public bool IsTerminal() => Status is WorkStatus.Completed or WorkStatus.Failed;
}
