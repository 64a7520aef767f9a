using MediaPlatform.Streams.Quality.Chunks;

namespace MediaPlatform.Streams.Encoding;

/// <summary>What a chunk's ladder encode returns: one result per rung, in the request's rung order, and the chunk's
/// picture quality control when it was asked for.</summary>
public sealed record ChunkLadderOutcome(IReadOnlyList<ChunkEncodeResult> Encodes, ChunkPictureQc? Qc);
