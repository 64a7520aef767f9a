using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace MediaPlatform.Actors.Work;

/// <summary>
/// A batch (one title's work items: its chunks, each to every rung): how many items it will hold, the ones submitted so far, and how many
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
    /// <summary>Why the owner cancelled the batch (<see cref="BatchCancelled"/>); left out of the stored JSON when null.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CancelledReason { get; init; }

    public static WorkBatch Start(string batchId, int size, string? subscriber) => new(batchId, size, subscriber, [], 0, 0, null);

    public BatchProgress Progress() => new(BatchId, Done, Size, Failed);
}
