namespace MediaPlatform.Streams.Images;

/// <summary>A detected face: its rectangle in the upright image's pixels.</summary>
public sealed record FaceBox(int X, int Y, int Width, int Height);
