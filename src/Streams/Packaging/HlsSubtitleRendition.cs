namespace MediaPlatform.Streams.Packaging;

/// <summary>A subtitle track as the master playlist lists it: BCP 47 language, the name a player shows, its playlist URI.</summary>
public sealed record HlsSubtitleRendition(string Language, string Name, string Uri);
