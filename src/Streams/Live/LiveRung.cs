namespace MediaPlatform.Streams.Live;

/// <summary>One rendition of a live stream: its folder name, picture height and video bitrate.</summary>
public sealed record LiveRung(string Name, int Height, int VideoKbps);
