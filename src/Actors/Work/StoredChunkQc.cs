using MediaPlatform.Streams.Quality.Chunks;
using MediaPlatform.Streams.Quality.Pixels;
using MediaPlatform.Streams.Quality.Video;

namespace MediaPlatform.Actors.Work;

/// <summary>
/// A chunk's picture quality control as <see cref="WorkChunkChecked"/> stores it (owned here so a rename in
/// <see cref="ChunkPictureQc"/> cannot change stored events; field names match the stored JSON and are never renamed).
/// Times are in the title's timeline.
/// </summary>
public sealed record StoredChunkQc(
    TimeSpan Start,
    TimeSpan End,
    IReadOnlyList<StoredTimeRange> Black,
    IReadOnlyList<StoredTimeRange> Frozen,
    IReadOnlyList<StoredStuckPixel> StuckPixels,
    int StuckPixelCount,
    int SampledFrames)
{
    public static StoredChunkQc From(ChunkPictureQc q) => new(q.Start, q.End,
        q.Black.Select(StoredTimeRange.From).ToList(), q.Frozen.Select(StoredTimeRange.From).ToList(),
        q.StuckPixels.Select(p => new StoredStuckPixel(p.X, p.Y, p.Kind == StuckPixelKind.Bright ? "bright" : "dark", p.Share)).ToList(),
        q.StuckPixelCount, q.SampledFrames);

    public ChunkPictureQc ToQc() => new(Start, End,
        Black.Select(r => r.ToRange()).ToList(), Frozen.Select(r => r.ToRange()).ToList(),
        StuckPixels.Select(p => new StuckPixel(p.X, p.Y, p.Kind == "bright" ? StuckPixelKind.Bright : StuckPixelKind.Dark, p.Share)).ToList(),
        StuckPixelCount, SampledFrames);
}

/// <summary>A span of the title's time, start inclusive, end exclusive.</summary>
public sealed record StoredTimeRange(TimeSpan Start, TimeSpan End)
{
    public static StoredTimeRange From(TimeRange r) => new(r.Start, r.End);

    public TimeRange ToRange() => new(Start, End);
}

/// <summary>A pixel stuck within a chunk: <see cref="Kind"/> "bright" or "dark", <see cref="Share"/> of the sampled frames.</summary>
public sealed record StoredStuckPixel(int X, int Y, string Kind, double Share);
