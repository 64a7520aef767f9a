using MediaPlatform.Actors.Titles;
using MediaPlatform.Streams.Chunking;
using MediaPlatform.Streams.Encoding;
using MediaPlatform.Streams.Ladder;

namespace MediaPlatform.Actors.Work;

/// <summary>
/// One unit of transcode work: encode a source chunk to one rung. Paths are in the directory every node shares (for
/// local nodes the shared blob/scratch directory), so any worker can read the chunk and write the output.
/// Stored in the coordinator's journal, so it holds the stored shapes, never Streams records; the encoder's records
/// are mapped in (<see cref="For"/>, <see cref="From"/>) and out (<see cref="ToRequest"/>) at the boundary.
/// </summary>
public sealed record EncodePayload(StoredChunk Chunk, StoredRung Rung, int Rotation, string OutputPath)
{
    /// <summary>For callers holding the chunker's and the ladder's records.</summary>
    public static EncodePayload For(VideoChunk chunk, Rung rung, int rotation, string outputPath) =>
        new(StoredChunk.From(chunk), StoredRung.From(rung), rotation, outputPath);

    public static EncodePayload From(ChunkEncodeRequest request) => For(request.Chunk, request.Rung, request.Rotation, request.OutputPath);

    /// <summary>The encode request, writing to <paramref name="outputPath"/> (a worker's private file, renamed when done).</summary>
    public ChunkEncodeRequest ToRequest(string outputPath) => new(Chunk.ToChunk(), Rung.ToRung(), Rotation, outputPath);
}
