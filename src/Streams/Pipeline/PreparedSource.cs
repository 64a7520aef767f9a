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
    /// The work items a title's encode is queued as: one per chunk (one decode for every rung), in presentation
    /// order — except the first and the last chunk, one item per rung: the first chunk's lowest rungs are done in a
    /// fraction of a chunk's time, so the title is playable soon; the final items are small, so no slot idles long
    /// while another finishes a whole chunk.
    /// </summary>
    public IReadOnlyList<ChunkLadderEncode> EncodeItems(IReadOnlyList<Rung> rungs, int rotation, Func<VideoChunk, Rung, string> outputPath)
    {
        var encodes = LadderEncodes(rungs, rotation, outputPath);
        return encodes.SelectMany((e, i) => (i == 0 || i == encodes.Count - 1) && encodes.Count > 1 && e.Rungs.Count > 1
            ? e.Rungs.Select((r, k) => e with { Rungs = [r], OutputPaths = [e.OutputPaths[k]] })
            : [e]).ToList();
    }
}
