namespace MediaPlatform.Actors.Work;

/// <summary>
/// When one attempt ran on one worker slot, by the worker's clock: from its ffmpeg starting to its outcome being known.
/// Slots are numbered 0 .. max-concurrent-encodes − 1 per worker; a slot runs one encode at a time.
/// </summary>
public sealed record EncodeSpan(
    string WorkId,
    string BatchId,
    int Attempt,
    string Worker,
    string Node,
    int Slot,
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    bool Succeeded);
