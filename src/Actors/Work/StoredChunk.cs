using MediaPlatform.Streams.Chunking;

namespace MediaPlatform.Actors.Work;

/// <summary>
/// A source chunk as the coordinator's journal stores it (inside <see cref="EncodePayload"/>). Owned here so a rename
/// in <see cref="VideoChunk"/> cannot change stored events; field names match the stored JSON and are never renamed.
/// </summary>
public sealed record StoredChunk(int Index, string Path, TimeSpan Start, TimeSpan Duration, int FrameCount)
{
    public static StoredChunk From(VideoChunk c) => new(c.Index, c.Path, c.Start, c.Duration, c.FrameCount);

    public VideoChunk ToChunk() => new(Index, Path, Start, Duration, FrameCount);
}
