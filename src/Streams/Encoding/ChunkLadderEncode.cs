using MediaPlatform.Streams.Chunking;
using MediaPlatform.Streams.Ladder;
using MediaPlatform.Streams.Quality;
using MediaPlatform.Streams.Quality.Chunks;

namespace MediaPlatform.Streams.Encoding;

/// <summary>
/// Encode one source chunk to several rungs with one ffmpeg: the chunk is decoded once and split into the scaled
/// outputs, <see cref="OutputPaths"/>[i] receiving <see cref="Rungs"/>[i]. <see cref="Rotation"/> as in
/// <see cref="ChunkEncodeRequest"/>. With <see cref="PictureCheck"/> the same ffmpeg also checks the chunk's picture
/// (<see cref="ChunkPictureAnalysis"/>; its <see cref="QcThresholds.StuckPixelSampleFrames"/> counts this chunk's samples).
/// </summary>
public sealed record ChunkLadderEncode(VideoChunk Chunk, IReadOnlyList<Rung> Rungs, int Rotation, IReadOnlyList<string> OutputPaths,
    QcThresholds? PictureCheck = null)
{
    public void Validate()
    {
        if (Rungs.Count == 0) throw new ArgumentException("a chunk encode needs at least one rung");
        if (Rungs.Count != OutputPaths.Count) throw new ArgumentException($"{Rungs.Count} rungs but {OutputPaths.Count} output paths");
        if (Rungs.Select(r => r.Name).Distinct().Count() != Rungs.Count) throw new ArgumentException("a rung appears twice");
    }
}
