using MediaPlatform.Streams.Chunking;
using MediaPlatform.Streams.Encoding;
using MediaPlatform.Streams.Ladder;
using MediaPlatform.Streams.Probing;

namespace MediaPlatform.Streams.Pipeline;

/// <summary>
/// A source made ready for encoding: its video cut into keyframe chunks and its audio encoded once. Stored as a
/// manifest next to the files, so whoever resumes a title's transcode finds the same chunks instead of cutting new ones.
/// </summary>
public sealed record PreparedSource(IReadOnlyList<VideoChunk> Chunks, AudioTrack? Audio)
{
    /// <summary>Every chunk × rung encode, chunk-major so the first chunks of every rung finish first.</summary>
    public IReadOnlyList<ChunkEncodeRequest> EncodeRequests(IReadOnlyList<Rung> rungs, int rotation, Func<VideoChunk, Rung, string> outputPath) =>
        Chunks.SelectMany(chunk => rungs.Select(rung => new ChunkEncodeRequest(chunk, rung, rotation, outputPath(chunk, rung)))).ToList();

    /// <summary>One encode per chunk to every rung (one decode each), in presentation order.</summary>
    public IReadOnlyList<ChunkLadderEncode> LadderEncodes(IReadOnlyList<Rung> rungs, int rotation, Func<VideoChunk, Rung, string> outputPath) =>
        Chunks.Select(chunk => new ChunkLadderEncode(chunk, rungs, rotation, rungs.Select(rung => outputPath(chunk, rung)).ToList())).ToList();
}
