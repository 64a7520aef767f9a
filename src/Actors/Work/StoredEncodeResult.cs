using MediaPlatform.Streams.Encoding;

namespace MediaPlatform.Actors.Work;

/// <summary>
/// An encoded chunk as <see cref="WorkCompleted"/> stores it. Owned here so a rename in <see cref="ChunkEncodeResult"/>
/// cannot change stored events; field names match the stored JSON and are never renamed.
/// </summary>
public sealed record StoredEncodeResult(int ChunkIndex, string RungName, string OutputPath, int FrameCount, TimeSpan Duration, TimeSpan Elapsed)
{
    public static StoredEncodeResult From(ChunkEncodeResult r) => new(r.ChunkIndex, r.RungName, r.OutputPath, r.FrameCount, r.Duration, r.Elapsed);

    public ChunkEncodeResult ToResult() => new(ChunkIndex, RungName, OutputPath, FrameCount, Duration, Elapsed);
}
