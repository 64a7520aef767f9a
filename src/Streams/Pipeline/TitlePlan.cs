using MediaPlatform.Streams.Chunking;
using MediaPlatform.Streams.Encoding;
using MediaPlatform.Streams.Ladder;
using MediaPlatform.Streams.Probing;

namespace MediaPlatform.Streams.Pipeline;

/// <summary>What the split stage hands on: the accepted source, its chunks, rungs, audio and the work items it is encoded as.</summary>
internal sealed record TitlePlan(
    ProbeResult Probe,
    IReadOnlyList<VideoChunk> Chunks,
    IReadOnlyList<Rung> Rungs,
    AudioTrack? Audio,
    IReadOnlyList<ChunkLadderEncode> Items)
{
    /// <summary>Chunk × rung encodes the items make.</summary>
    public int Encodes => Items.Sum(i => i.Rungs.Count);
}
