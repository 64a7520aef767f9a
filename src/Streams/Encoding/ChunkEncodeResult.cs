namespace MediaPlatform.Streams.Encoding;

/// <summary>An encoded chunk: where it is, how many frames it holds and how long it is.</summary>
public sealed record ChunkEncodeResult(
    int ChunkIndex,
    string RungName,
    string OutputPath,
    int FrameCount,
    TimeSpan Duration,
    TimeSpan Elapsed);
