using System.Globalization;
using MediaPlatform.Actors.Titles;

namespace MediaPlatform.Node.Api.Titles;

/// <summary>
/// Where a subtitle rendition is served inside a title's media folder: subtitles/{language}/{uploadId}/index.m3u8 and
/// subtitles/{language}/{uploadId}/{00000}.vtt. The upload id is in the path, so a replaced track gets new URLs and
/// every URL's content never changes: segments are cached as immutable like the video's.
/// </summary>
public sealed record SubtitlePath(string Language, string UploadId, int? Segment)
{
    public const string Folder = "subtitles";
    public const string PlaylistFile = "index.m3u8";
    private const int MaxSegments = 100_000;

    public static string Playlist(string language, string uploadId) => $"{Folder}/{language}/{uploadId}/{PlaylistFile}";

    /// <summary>A segment's URI relative to its playlist.</summary>
    public static string SegmentFile(int index) => MediaPlatform.Streams.Subtitles.WebVttSegmenter.SegmentFile(index);

    public static bool IsSubtitlePath(string path) => path.StartsWith(Folder + "/", StringComparison.Ordinal);

    public static SubtitlePath? TryParse(string path)
    {
        var parts = path.Split('/');
        if (parts.Length != 4 || parts[0] != Folder) return null;
        if (!TitleRules.TryNormalizeLanguage(parts[1], out var language, out _) || language != parts[1]) return null;
        if (!TitleRules.IsId(parts[2])) return null;
        if (parts[3] == PlaylistFile) return new SubtitlePath(language, parts[2], null);
        var name = parts[3];
        if (name.Length != 9 || !name.EndsWith(".vtt", StringComparison.Ordinal) ||
            !int.TryParse(name[..5], NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= MaxSegments)
            return null;
        return new SubtitlePath(language, parts[2], index);
    }
}
