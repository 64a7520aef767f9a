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
    /// <summary>One encode per chunk to every rung (one decode each), in presentation order.</summary>
    public IReadOnlyList<ChunkLadderEncode> LadderEncodes(IReadOnlyList<Rung> rungs, int rotation, Func<VideoChunk, Rung, string> outputPath) =>
        Chunks.Select(chunk => new ChunkLadderEncode(chunk, rungs, rotation, rungs.Select(rung => outputPath(chunk, rung)).ToList())).ToList();

    /// <summary>
    /// The work items a title's encode is queued as, in presentation order: each one ffmpeg over one chunk for a group
    /// of its rungs (<see cref="ChunkItemGroups"/>: the whole chunk, except the first chunk as its lowest rung, then the
    /// rest, and the last chunk as two halves of about equal pixels, largest first), a chunk's items in the order they
    /// should be encoded.
    /// </summary>
    public IReadOnlyList<ChunkLadderEncode> EncodeItems(IReadOnlyList<Rung> rungs, int rotation, Func<VideoChunk, Rung, string> outputPath)
    {
        var encodes = LadderEncodes(rungs, rotation, outputPath);
        return encodes.SelectMany(e => ChunkItemGroups.For(e.Chunk.Index, encodes.Count, e.Rungs).Select(group =>
            group.Count == e.Rungs.Count
                ? e
                : e with { Rungs = group.Select(k => e.Rungs[k]).ToList(), OutputPaths = group.Select(k => e.OutputPaths[k]).ToList() })).ToList();
    }
}
