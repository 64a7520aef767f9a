using MediaPlatform.Streams.Quality.Pixels;
using MediaPlatform.Streams.Quality.Video;

namespace MediaPlatform.Streams.Quality.Chunks;

/// <summary>
/// What the picture analysis of one chunk found, in the title's timeline (the chunk's own times plus its start):
/// the chunk covers <see cref="Start"/> to <see cref="End"/>; <see cref="Black"/> and <see cref="Frozen"/> are every
/// span the detectors reported, however short (the title's thresholds apply once spans are joined across chunk
/// boundaries); <see cref="StuckPixels"/> are the pixels stuck within this chunk's <see cref="SampledFrames"/>
/// sampled frames, at most a few of them (<see cref="StuckPixelCount"/> says how many there were in all).
/// </summary>
public sealed record ChunkPictureQc(
    TimeSpan Start,
    TimeSpan End,
    IReadOnlyList<TimeRange> Black,
    IReadOnlyList<TimeRange> Frozen,
    IReadOnlyList<StuckPixel> StuckPixels,
    int StuckPixelCount,
    int SampledFrames)
{
    /// <summary>More stuck pixels than this are not listed one by one: the title's verdict then only needs their count.</summary>
    public const int MaxListedPixels = 32;
}
