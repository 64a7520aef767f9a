using Akka;
using Akka.Streams.Dsl;
using MediaPlatform.Streams.Encoding;

namespace MediaPlatform.Streams.Pipeline;

/// <summary>
/// The encode stage: at most <c>slots</c> encodes (ffmpeg processes) in flight, results in completion order, each
/// encode told the numbered slot (0 .. slots-1) it runs in — the lowest free one — so a timeline can draw every slot's
/// encodes one after another. The work is async process I/O awaited by SelectAsyncUnordered: no actor or stream
/// thread blocks on it, and upstream is pulled only when a slot is free (back-pressure). Each worker node runs its
/// assignments through this stage; <see cref="TranscodePipeline"/> runs a title's items through it on one node.
/// </summary>
public static class EncodeFlow
{
    /// <summary>
    /// Runs <paramref name="encode"/> (item, slot) with bounded parallelism. The function should end in a value, not
    /// a fault: a faulted task fails the stream (SelectAsyncUnordered's rule).
    /// </summary>
    public static Flow<TIn, TOut, NotUsed> Create<TIn, TOut>(int slots, Func<TIn, int, Task<TOut>> encode)
    {
        if (slots < 1) throw new ArgumentOutOfRangeException(nameof(slots), "at least one encode at a time");
        // Slots are per materialization: each run of the stage numbers its own.
        return Flow.Setup<TIn, TOut, NotUsed>((_, _) =>
            {
                var free = new SortedSet<int>(Enumerable.Range(0, slots));
                return Flow.Create<TIn>().SelectAsyncUnordered(slots, async item =>
                {
                    int slot;
                    // SelectAsyncUnordered starts at most `slots` at once, so a slot is always free here.
                    lock (free)
                    {
                        slot = free.Min;
                        free.Remove(slot);
                    }
                    try { return await encode(item, slot); }
                    finally { lock (free) free.Add(slot); }
                });
            })
            .MapMaterializedValue(_ => NotUsed.Instance)
            .Named("encode-chunks");
    }

    /// <summary>Each chunk to every rung of its ladder, one ffmpeg (one decode) per item.</summary>
    public static Flow<ChunkLadderEncode, IReadOnlyList<ChunkEncodeResult>, NotUsed> Create(ChunkEncoder encoder, int slots,
        CancellationToken cancellationToken = default) =>
        Create<ChunkLadderEncode, IReadOnlyList<ChunkEncodeResult>>(slots, async (encode, _) => (await encoder.EncodeLadderAsync(encode, null, cancellationToken)).Encodes);
}
