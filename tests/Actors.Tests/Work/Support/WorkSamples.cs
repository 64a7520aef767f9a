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

    public static readonly IReadOnlyList<Rung> Ladder = LadderPolicy.Default.For(1280, 720, 25, false);

    /// <summary>A chunk item to every rung of a 720p ladder, <paramref name="seconds"/> long (its size grows with it).</summary>
    public static ChunkEncodePayload ChunkPayload(int chunk, double seconds = 2, string folder = "/shared/title") =>
        ChunkEncodePayload.For(new ChunkLadderEncode(
            new VideoChunk(chunk, $"{folder}/chunks/chunk_{chunk:D5}.mkv", TimeSpan.FromSeconds(2 * chunk), TimeSpan.FromSeconds(seconds), (int)(25 * seconds)),
            Ladder, 0, Ladder.Select(r => $"{folder}/{r.Name}/chunk_{chunk:D5}.mp4").ToList()), 1280, 720);

    public static SubmitChunkWork SubmitChunk(string workId, string batchId, int batchSize, int chunk = 0, double seconds = 2) =>
        new(workId, batchId, batchSize, ChunkPayload(chunk, seconds), null);

    /// <summary>What a worker reports for a chunk item: one result per rung.</summary>
    public static IReadOnlyList<ChunkEncodeResult> Results(ChunkEncodePayload payload) =>
        payload.Rungs.Select((r, i) => new ChunkEncodeResult(payload.Chunk.Index, r.Name, payload.OutputPaths[i], payload.Chunk.FrameCount,
            payload.Chunk.Duration, TimeSpan.FromSeconds(1))).ToList();

    public static SubmitWork Submit(string workId, string batchId, int batchSize, int chunk = 0, string? subscriber = null) =>
        new(workId, batchId, batchSize, Payload(chunk), subscriber);

    public static ChunkEncodeResult Result(EncodePayload? payload) => ResultOf(payload!);

    private static ChunkEncodeResult ResultOf(EncodePayload payload) =>
        new(payload.Chunk.Index, payload.Rung.Name, payload.OutputPath, payload.Chunk.FrameCount, payload.Chunk.Duration, TimeSpan.FromSeconds(1));
}
