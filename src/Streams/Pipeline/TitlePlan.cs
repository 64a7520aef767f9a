using MediaPlatform.Streams.Chunking;
using MediaPlatform.Streams.Encoding;
using MediaPlatform.Streams.Ladder;
using MediaPlatform.Streams.Probing;

namespace MediaPlatform.Streams.Pipeline;

/// <summary>What the split stage hands on: the accepted source, its chunks, rungs, audio and every encode request.</summary>
internal sealed record TitlePlan(
    ProbeResult Probe,
    IReadOnlyList<VideoChunk> Chunks,
    IReadOnlyList<Rung> Rungs,
    AudioTrack? Audio,
    IReadOnlyList<ChunkEncodeRequest> Encodes);
