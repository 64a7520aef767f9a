using MediaPlatform.Streams.Chunking;
using MediaPlatform.Streams.Ladder;

namespace MediaPlatform.Streams.Encoding;

/// <summary>Encode one source chunk to one rung. <see cref="Rotation"/> is the source's (see ProbeResult): chunks are
/// Matroska, which does not carry the display matrix, so the encoder applies it explicitly.</summary>
public sealed record ChunkEncodeRequest(VideoChunk Chunk, Rung Rung, int Rotation, string OutputPath);
