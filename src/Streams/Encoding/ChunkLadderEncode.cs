using MediaPlatform.Streams.Chunking;
using MediaPlatform.Streams.Ladder;

namespace MediaPlatform.Streams.Encoding;

/// <summary>
/// Encode one source chunk to several rungs with one ffmpeg: the chunk is decoded once and split into the scaled
/// outputs, <see cref="OutputPaths"/>[i] receiving <see cref="Rungs"/>[i]. <see cref="Rotation"/> as in
/// <see cref="ChunkEncodeRequest"/>.
/// </summary>
public sealed record ChunkLadderEncode(VideoChunk Chunk, IReadOnlyList<Rung> Rungs, int Rotation, IReadOnlyList<string> OutputPaths)
{
    public void Validate()
    {
        if (Rungs.Count == 0) throw new ArgumentException("a chunk encode needs at least one rung");
        if (Rungs.Count != OutputPaths.Count) throw new ArgumentException($"{Rungs.Count} rungs but {OutputPaths.Count} output paths");
        if (Rungs.Select(r => r.Name).Distinct().Count() != Rungs.Count) throw new ArgumentException("a rung appears twice");
    }
}
