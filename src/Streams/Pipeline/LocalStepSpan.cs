namespace MediaPlatform.Streams.Pipeline;

/// <summary>
/// One heavy local step that went through a node's <see cref="LocalStepQueue"/>: what it was (split, audio, qc,
/// package), whose (a title id), when it was queued, started and ended — its wait is <see cref="StartedAt"/> −
/// <see cref="QueuedAt"/> — and whether it succeeded.
/// </summary>
public sealed record LocalStepSpan(string Kind, string Owner, DateTimeOffset QueuedAt, DateTimeOffset StartedAt, DateTimeOffset EndedAt, bool Succeeded)
{
    public TimeSpan Waited => StartedAt - QueuedAt;
}
