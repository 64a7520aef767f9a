using System.Globalization;

namespace MediaPlatform.Streams.Packaging;

/// <summary>A written media playlist: its file (relative to the output folder), init segment and segments.</summary>
public sealed record HlsMediaPlaylist(string Name, string PlaylistFile, string? InitFile, IReadOnlyList<HlsSegment> Segments)
{
    public TimeSpan Duration => TimeSpan.FromTicks(Segments.Sum(s => s.Duration.Ticks));

    /// <summary>The highest bitrate of any one segment: what HLS calls BANDWIDTH.</summary>
    public long PeakBitsPerSecond =>
        Segments.Where(s => s.Duration > TimeSpan.Zero)
            .Select(s => (long)Math.Ceiling(s.Bytes * 8 / s.Duration.TotalSeconds))
            .DefaultIfEmpty(0).Max();

    /// <summary>Bits over the whole playlist divided by its duration: HLS's AVERAGE-BANDWIDTH.</summary>
    public long AverageBitsPerSecond =>
        Duration <= TimeSpan.Zero ? 0 : (long)Math.Ceiling(Segments.Sum(s => s.Bytes) * 8 / Duration.TotalSeconds);

    /// <summary>Reads a VOD media playlist written by ffmpeg (EXT-X-MAP, EXTINF and URI lines).</summary>
    public static HlsMediaPlaylist Read(string folder, string playlistFile)
    {
        string? init = null;
        TimeSpan? pending = null;
        var segments = new List<HlsSegment>();
        foreach (var raw in File.ReadAllLines(Path.Combine(folder, playlistFile)))
        {
            var line = raw.Trim();
            if (line.StartsWith("#EXT-X-MAP:", StringComparison.Ordinal))
            {
                var at = line.IndexOf("URI=\"", StringComparison.Ordinal) + 5;
                init = line[at..line.IndexOf('"', at)];
            }
            else if (line.StartsWith("#EXTINF:", StringComparison.Ordinal))
            {
                var value = line["#EXTINF:".Length..].Split(',')[0];
                pending = TimeSpan.FromSeconds(double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture));
            }
            else if (line.Length > 0 && !line.StartsWith('#') && pending is { } duration)
            {
                segments.Add(new HlsSegment(line, duration, new FileInfo(Path.Combine(folder, line)).Length));
                pending = null;
            }
        }
        return new HlsMediaPlaylist(Path.GetFileNameWithoutExtension(playlistFile), playlistFile, init, segments);
    }
}
