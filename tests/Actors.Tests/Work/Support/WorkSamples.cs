using MediaPlatform.Actors.Work;
using MediaPlatform.Streams.Chunking;
using MediaPlatform.Streams.Encoding;
using MediaPlatform.Streams.Ladder;

namespace MediaPlatform.Actors.Tests.Work.Support;

/// <summary>Work items for pure specs: the paths are never opened.</summary>
public static class WorkSamples
{
    public static readonly Rung Rung240 = LadderPolicy.Default.For(640, 360, 25, false)[0];

    public static EncodePayload Payload(int chunk, string folder = "/shared/title") =>
        EncodePayload.For(new VideoChunk(chunk, $"{folder}/chunks/chunk_{chunk:D5}.mkv", TimeSpan.FromSeconds(2 * chunk), TimeSpan.FromSeconds(2), 50),
            Rung240, 0, $"{folder}/240p/chunk_{chunk:D5}.mp4");

    public static SubmitWork Submit(string workId, string batchId, int batchSize, int chunk = 0, string? subscriber = null) =>
        new(workId, batchId, batchSize, Payload(chunk), subscriber);

    public static ChunkEncodeResult Result(EncodePayload payload) =>
        new(payload.Chunk.Index, payload.Rung.Name, payload.OutputPath, payload.Chunk.FrameCount, payload.Chunk.Duration, TimeSpan.FromSeconds(1));
}
