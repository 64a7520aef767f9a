using MediaPlatform.Streams.Chunking;
using MediaPlatform.Streams.Encoding;
using MediaPlatform.Streams.Ladder;

namespace MediaPlatform.Actors.Work;

/// <summary>
/// One unit of transcode work: encode a source chunk to one rung. Paths are in the directory every node shares (for
/// local nodes the shared blob/scratch directory), so any worker can read the chunk and write the output.
/// Stored in the coordinator's journal: the Streams records it carries are part of the stored shape.
/// </summary>
public sealed record EncodePayload(VideoChunk Chunk, Rung Rung, int Rotation, string OutputPath)
{
    public static EncodePayload From(ChunkEncodeJob job) => new(job.Chunk, job.Rung, job.Rotation, job.OutputPath);

    /// <summary>The encoder job, writing to <paramref name="outputPath"/> (a worker's private file, renamed when done).</summary>
    public ChunkEncodeJob ToJob(string outputPath) => new(Chunk, Rung, Rotation, outputPath);
}
