using Akka;
using Akka.Streams.Dsl;
using MediaPlatform.Streams.Encoding;

namespace MediaPlatform.Streams.Pipeline;

/// <summary>
/// The encode stage: at most <c>maxConcurrent</c> chunk encodes (ffmpeg processes) in flight, results in completion
/// order. The work is async process I/O awaited by SelectAsyncUnordered, so no actor or stream thread blocks on it.
/// </summary>
public static class EncodeFlow
{
    public static Flow<ChunkEncodeRequest, ChunkEncodeResult, NotUsed> Create(ChunkEncoder encoder, int maxConcurrent,
        CancellationToken cancellationToken = default)
    {
        if (maxConcurrent < 1) throw new ArgumentOutOfRangeException(nameof(maxConcurrent), "at least one encode at a time");
        return Flow.Create<ChunkEncodeRequest>()
            .SelectAsyncUnordered(maxConcurrent, request => encoder.EncodeAsync(request, null, cancellationToken))
            .Named("encode-chunks");
    }
}
