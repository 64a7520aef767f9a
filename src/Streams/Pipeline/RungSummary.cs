namespace MediaPlatform.Streams.Pipeline;

/// <summary>One packaged rung: size, frames and length as assembled, and what its playlist advertises.</summary>
public sealed record RungSummary(
    string Name,
    int Width,
    int Height,
    int FrameCount,
    TimeSpan Duration,
    int SegmentCount,
    long Bandwidth,
    long AverageBandwidth,
    string Playlist);
