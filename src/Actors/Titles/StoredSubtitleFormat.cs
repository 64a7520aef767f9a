using MediaPlatform.Streams.Quality.Subtitles;

namespace MediaPlatform.Actors.Titles;

/// <summary>
/// A subtitle file's format as <see cref="TitleSubtitlesAttached"/> stores it (by name). Owned here so renaming a member
/// of <see cref="SubtitleFormat"/> cannot change stored events; members are never renamed.
/// </summary>
public enum StoredSubtitleFormat
{
    Unknown,
    WebVtt,
    Srt,
}

/// <summary>Maps the parser's format to the stored one and back, member by member (never by number).</summary>
public static class StoredSubtitleFormats
{
    public static StoredSubtitleFormat From(SubtitleFormat format) => format switch
    {
        SubtitleFormat.WebVtt => StoredSubtitleFormat.WebVtt,
        SubtitleFormat.Srt => StoredSubtitleFormat.Srt,
        _ => StoredSubtitleFormat.Unknown,
    };

    public static SubtitleFormat ToFormat(this StoredSubtitleFormat format) => format switch
    {
        StoredSubtitleFormat.WebVtt => SubtitleFormat.WebVtt,
        StoredSubtitleFormat.Srt => SubtitleFormat.Srt,
        _ => SubtitleFormat.Unknown,
    };
}
