namespace MediaPlatform.Streams.Thumbnails;

/// <summary>
/// What one sampling pass over a video found: the frames the preview shows (time order, at thumbnail size), the
/// poster's frame, how many candidates were decoded and whether only keyframes were.
/// </summary>
public sealed record FrameSamples(IReadOnlyList<SampledFrame> Picks, SampledFrame Poster, int Width, int Height, int Candidates, bool KeyframesOnly);
