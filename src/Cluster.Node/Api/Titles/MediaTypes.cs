namespace MediaPlatform.Node.Api.Titles;

/// <summary>
/// What an HLS package holds, by file extension: its content type and how long a client may cache it. Segments and
/// init segments never change once published (immutable, a year); playlists are cached briefly so a fix to a
/// package reaches players soon. The poster, like segments, never changes once published. Anything else is not served.
/// </summary>
public static class MediaTypes
{
    public const string SegmentCaching = "public, max-age=31536000, immutable";
    public const string PlaylistCaching = "public, max-age=10";

    public static (string ContentType, string CacheControl)? For(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".m3u8" => ("application/vnd.apple.mpegurl", PlaylistCaching),
        ".mp4" or ".m4s" or ".m4v" => ("video/mp4", SegmentCaching),
        ".m4a" => ("audio/mp4", SegmentCaching),
        ".ts" => ("video/mp2t", SegmentCaching),
        ".aac" => ("audio/aac", SegmentCaching),
        ".vtt" => ("text/vtt; charset=utf-8", SegmentCaching),
        ".jpg" => ("image/jpeg", SegmentCaching), // the poster frame grabbed at packaging
        _ => null,
    };
}
