using System.Collections.Immutable;

namespace MediaPlatform.Actors.Work;

/// <summary>
/// A batch (one title's chunk×rung encodes): how many items it will hold, the ones submitted so far, and how many
/// are done or failed. Finished when every one of <see cref="Size"/> items is done or failed.
/// </summary>
public sealed record WorkBatch(
    string BatchId,
    int Size,
    string? Subscriber,
    ImmutableList<string> WorkIds,
    int Done,
    int Failed,
    DateTimeOffset? FinishedAt)
{
    public static WorkBatch Start(WorkAccepted e) => new(e.BatchId, e.BatchSize, e.Subscriber, [], 0, 0, null);

    public BatchProgress Progress() => new(BatchId, Done, Size, Failed);
}
