namespace MediaPlatform.Streams.Quality.Video;

/// <summary>What the detector filters reported, frozen spans already cleared of black ones.</summary>
public sealed record DetectedSpans(IReadOnlyList<TimeRange> Black, IReadOnlyList<TimeRange> Frozen, IReadOnlyList<TimeRange> Silent);
