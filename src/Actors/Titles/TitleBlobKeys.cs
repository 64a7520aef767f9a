using MediaPlatform.Actors.Storage;
using MediaPlatform.Streams.Quality.Subtitles;

namespace MediaPlatform.Actors.Titles;

/// <summary>
/// Where a title's blobs go. Every key is built from ids the platform generated (title id, upload id) or a validated
/// language tag; nothing a client sends — file names, paths — ever becomes part of a key.
/// </summary>
public static class TitleBlobKeys
{
    public static string Folder(string titleId) => BlobKey.Join("titles", titleId) + "/";

    /// <summary>One key per upload, so a new upload never overwrites a source another stage may be reading.</summary>
    public static string Source(string titleId, string uploadId) => BlobKey.Join("titles", titleId, "source", uploadId);

    /// <summary>One key per upload, like sources: a refused replacement never touches the track in use.</summary>
    public static string Subtitles(string titleId, string language, string uploadId, SubtitleFormat format) =>
        BlobKey.Join("titles", titleId, "subtitles", language, $"{uploadId}.{Extension(format)}");

    /// <summary>The folder the HLS package of a title is written to (ends in '/').</summary>
    public static string Hls(string titleId) => BlobKey.Join("titles", titleId, "hls") + "/";

    public static string Extension(SubtitleFormat format) => format switch
    {
        SubtitleFormat.WebVtt => "vtt",
        SubtitleFormat.Srt => "srt",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "only WebVTT and SRT are stored"),
    };

    public static bool IsUnder(string titleId, string key) => key.StartsWith(Folder(titleId), StringComparison.Ordinal) && BlobKey.IsValid(key);
}
