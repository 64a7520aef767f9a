namespace MediaPlatform.Streams.Thumbnails;

/// <summary>
/// One decoded candidate frame at thumbnail size: its time, its pixels (RGB24, row by row) and what the choices need
/// — mean luma (0–255, black ≈ 16), detail (mean luma gradient between neighbouring pixels) and how much it differs
/// from the candidate before it (mean absolute luma difference, 0–1; 0 for the first).
/// </summary>
public sealed record SampledFrame(TimeSpan Time, byte[] Rgb, double MeanLuma, double Detail, double SceneScore);
