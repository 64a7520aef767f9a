namespace MediaPlatform.Streams.Thumbnails;

/// <summary>Where one thumbnail sits: its sheet's file and its rectangle there, and the span of the title it previews.</summary>
public sealed record SpriteTile(TimeSpan Start, TimeSpan End, string Sheet, int X, int Y, int Width, int Height);
