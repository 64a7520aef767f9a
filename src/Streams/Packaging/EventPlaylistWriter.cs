using System.Globalization;
using System.Text;

namespace MediaPlatform.Streams.Packaging;

/// <summary>
/// Writes the growing (EVENT) media playlist of a rendition still being encoded: the segments cut so far, no
/// EXT-X-ENDLIST, so a player keeps reloading it and plays on as segments are added. Pure: segments in, text out.
/// </summary>
public static class EventPlaylistWriter
{
    /// <param name="targetSeconds">Must not change while the playlist grows: the caller passes a bound every segment meets.</param>
    public static string Write(string? initFile, IEnumerable<HlsSegment> segments, int targetSeconds)
    {
        var text = new StringBuilder();
        text.Append("#EXTM3U\n#EXT-X-VERSION:7\n");
        text.Append(CultureInfo.InvariantCulture, $"#EXT-X-TARGETDURATION:{targetSeconds}\n");
        text.Append("#EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-PLAYLIST-TYPE:EVENT\n#EXT-X-INDEPENDENT-SEGMENTS\n");
        if (initFile is not null) text.Append(CultureInfo.InvariantCulture, $"#EXT-X-MAP:URI=\"{initFile}\"\n");
        foreach (var segment in segments)
            text.Append(CultureInfo.InvariantCulture, $"#EXTINF:{segment.Duration.TotalSeconds:0.000000},\n{segment.File}\n");
        return text.ToString();
    }

    /// <summary>A target duration that holds for every segment of a title cut every <paramref name="segmentSeconds"/> s.</summary>
    public static int TargetSeconds(int segmentSeconds, IEnumerable<HlsSegment> segments) =>
        Math.Max(2 * segmentSeconds, (int)Math.Ceiling(segments.Select(s => s.Duration.TotalSeconds).DefaultIfEmpty(0).Max()));
}
