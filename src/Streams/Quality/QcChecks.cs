namespace MediaPlatform.Streams.Quality;

/// <summary>The stable check names findings carry; stored in events, so never rename one.</summary>
public static class QcChecks
{
    public const string Black = "black";
    public const string Freeze = "freeze";
    public const string Silence = "silence";
    public const string NoAudio = "no-audio";
    public const string NoVideo = "no-video";
    public const string StuckPixel = "stuck-pixel";
    public const string SubtitleParse = "subtitle-parse";
    public const string SubtitleOverlap = "subtitle-overlap";
    public const string SubtitleTooShort = "subtitle-too-short";
    public const string SubtitleTooLong = "subtitle-too-long";
    public const string SubtitleLineCount = "subtitle-line-count";
    public const string SubtitleLineLength = "subtitle-line-length";
    public const string SubtitleReadingSpeed = "subtitle-reading-speed";
    public const string SubtitleGap = "subtitle-gap";
}
