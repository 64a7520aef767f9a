using System.Globalization;

namespace MediaPlatform.Streams.Packaging;

/// <summary>
/// The parts of a served VOD media playlist a subtitle rendition needs: its init segment (EXT-X-MAP) and each
/// segment's URI and duration. Pure: text in, no files.
/// </summary>
public sealed record MediaPlaylistText(string? InitUri, IReadOnlyList<(string Uri, TimeSpan Duration)> Segments)
{
    public static MediaPlaylistText Parse(string text)
    {
        string? init = null;
        TimeSpan? pending = null;
        var segments = new List<(string, TimeSpan)>();
        foreach (var raw in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith("#EXT-X-MAP:", StringComparison.Ordinal))
            {
                var at = line.IndexOf("URI=\"", StringComparison.Ordinal);
                var end = at < 0 ? -1 : line.IndexOf('"', at + 5);
                if (end > at) init = line[(at + 5)..end];
            }
            else if (line.StartsWith("#EXTINF:", StringComparison.Ordinal))
            {
                var value = line["#EXTINF:".Length..].Split(',')[0];
                pending = decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0
                    ? TimeSpan.FromTicks((long)(seconds * TimeSpan.TicksPerSecond))
                    : null;
            }
            else if (line.Length > 0 && !line.StartsWith('#') && pending is { } duration)
            {
                segments.Add((line, duration));
                pending = null;
            }
        }
        return new MediaPlaylistText(init, segments);
    }

    /// <summary>The first variant's media playlist URI in a master playlist (the line after EXT-X-STREAM-INF); null if none.</summary>
    public static string? FirstVariantUri(string master)
    {
        var lines = master.ReplaceLineEndings("\n").Split('\n').Select(l => l.Trim()).ToList();
        for (var i = 0; i < lines.Count; i++)
            if (lines[i].StartsWith("#EXT-X-STREAM-INF:", StringComparison.Ordinal))
                return lines.Skip(i + 1).FirstOrDefault(l => l.Length > 0 && !l.StartsWith('#'));
        return null;
    }
}
