using System.Text.Json.Serialization;
using MediaPlatform.Actors.Titles;
using MediaPlatform.Streams.Encoding;

namespace MediaPlatform.Actors.Work;

/// <summary>
/// One work item as a chunk: encode a source chunk to every rung of the title's ladder with one ffmpeg (one decode),
/// <see cref="OutputPaths"/>[i] receiving <see cref="Rungs"/>[i]. <see cref="PixelSeconds"/> is the item's size — source
/// pixels × the chunk's seconds (× rungs) — which the coordinator balances over workers' cores. Stored in the
/// coordinator's journal (<see cref="WorkChunkAccepted"/>), so it holds only stored shapes. With <see cref="Qc"/> the
/// encode also checks the chunk's picture (one item per chunk does: the title's picture QC is the chunks' joined).
/// </summary>
public sealed record ChunkEncodePayload(StoredChunk Chunk, IReadOnlyList<StoredRung> Rungs, int Rotation, IReadOnlyList<string> OutputPaths, long PixelSeconds)
{
    /// <summary>Left out of the stored JSON when null, so items queued before per-chunk QC are stored as they were.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public StoredChunkQcSettings? Qc { get; init; }

    /// <summary>
    /// The item's place among the items of its chunk, lower first (null: 0, then by work id): the first chunk's lowest
    /// rung goes first so the title plays soon, the last chunk's largest rung first so the batch ends in its smallest
    /// items and no slot idles long while another finishes. Left out of the stored JSON when null.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Rank { get; init; }

    /// <summary>A chunk × rungs encode sized by the source's pixels and the chunk's length, one share per rung.</summary>
    public static ChunkEncodePayload For(ChunkLadderEncode encode, int sourceWidth, int sourceHeight) =>
        new(StoredChunk.From(encode.Chunk), encode.Rungs.Select(StoredRung.From).ToList(), encode.Rotation, encode.OutputPaths,
            Math.Max(1, (long)((double)sourceWidth * sourceHeight * encode.Chunk.Duration.TotalSeconds) * encode.Rungs.Count));

    /// <summary>An item stored in the old one-rung shape, run the same way (a ladder of one).</summary>
    public static ChunkEncodePayload From(EncodePayload old) => new(old.Chunk, [old.Rung], old.Rotation, [old.OutputPath], 1);

    /// <summary>The encoder's request, writing rung i to <paramref name="outputPaths"/>[i] (a worker's private files).</summary>
    public ChunkLadderEncode ToEncode(IReadOnlyList<string> outputPaths) =>
        new(Chunk.ToChunk(), Rungs.Select(r => r.ToRung()).ToList(), Rotation, outputPaths, Qc?.ToThresholds());
}
