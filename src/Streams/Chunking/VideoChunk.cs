namespace MediaPlatform.Streams.Chunking;

/// <summary>
/// A piece of the source's video stream, cut at a keyframe by stream copy. <see cref="Start"/> is where it begins
/// in the source's timeline; its own timestamps start at zero.
/// </summary>
public sealed record VideoChunk(int Index, string Path, TimeSpan Start, TimeSpan Duration, int FrameCount);
