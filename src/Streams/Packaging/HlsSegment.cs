namespace MediaPlatform.Streams.Packaging;

/// <summary>One media segment as its playlist lists it, with its size on disk.</summary>
public sealed record HlsSegment(string File, TimeSpan Duration, long Bytes);
