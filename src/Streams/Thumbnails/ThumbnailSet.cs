namespace MediaPlatform.Streams.Thumbnails;

/// <summary>
/// A title's preview as written: the thumbnail track, its sprite sheets and tiles, the poster's frame time, and how the
/// frames were found (candidates decoded, keyframes only or not).
/// </summary>
public sealed record ThumbnailSet(string TrackFile, IReadOnlyList<string> Sheets, IReadOnlyList<SpriteTile> Tiles, TimeSpan PosterTime,
    int Candidates, bool KeyframesOnly, int SceneChanges);
