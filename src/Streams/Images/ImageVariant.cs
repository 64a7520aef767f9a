namespace MediaPlatform.Streams.Images;

/// <summary>One encoded size of an image, as served at /api/images/{id}/variants/{Name}.</summary>
public sealed record ImageVariant(string Name, int Width, int Height, string ContentType, byte[] Bytes);
