namespace MediaPlatform.Streams.Ladder;

/// <summary>
/// One configured step of the ladder: a name (also used in file names), the size of the picture's short side in
/// pixels (height for landscape, width for portrait) and the average video bitrate at that size.
/// </summary>
public sealed record RungSpec(string Name, int ShortSide, int VideoKbps);
