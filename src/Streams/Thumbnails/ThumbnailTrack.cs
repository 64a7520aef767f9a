using System.Globalization;
using System.Text;

namespace MediaPlatform.Streams.Thumbnails;

/// <summary>
/// The WebVTT thumbnail track players read for seek-bar previews: one cue per thumbnail, its text the sprite sheet's
/// URL (relative to the track) with a media fragment naming the thumbnail's rectangle (<c>sprite-0.jpg#xywh=0,0,160,90</c>).
/// </summary>
public static class ThumbnailTrack
{
    public const string FileName = "thumbnails.vtt";

    public static string Write(IReadOnlyList<SpriteTile> tiles)
    {
        var text = new StringBuilder("WEBVTT\n");
        foreach (var t in tiles)
            text.Append('\n').Append(Timestamp(t.Start)).Append(" --> ").Append(Timestamp(t.End)).Append('\n')
                .Append(t.Sheet).Append("#xywh=").Append(t.X).Append(',').Append(t.Y).Append(',').Append(t.Width).Append(',').Append(t.Height).Append('\n');
        return text.ToString();
    }

    /// <summary>
    /// The tiles of a track <see cref="Write"/> wrote (what hands a published title's frames to the image pipeline);
    /// a cue this writer would not write (another layout, a bad rectangle) is skipped.
    /// </summary>
    public static IReadOnlyList<SpriteTile> Read(string track)
    {
        var tiles = new List<SpriteTile>();
        var lines = track.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        for (var i = 0; i + 1 < lines.Count; i++)
        {
            var times = lines[i].Split(" --> ");
            var fragment = lines[i + 1].Split("#xywh=");
            if (times.Length != 2 || fragment.Length != 2 || !TryTimestamp(times[0], out var start) || !TryTimestamp(times[1], out var end)) continue;
            var box = fragment[1].Split(',').Select(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1).ToArray();
            if (box.Length != 4 || box.Any(v => v < 0) || box[2] == 0 || box[3] == 0 || fragment[0].Length == 0) continue;
            tiles.Add(new SpriteTile(start, end, fragment[0], box[0], box[1], box[2], box[3]));
        }
        return tiles;
    }

    private static bool TryTimestamp(string text, out TimeSpan value)
    {
        value = default;
        var parts = text.Trim().Split(':');
        if (parts.Length != 3 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var h)
                              || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m)
                              || !decimal.TryParse(parts[2], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var s)) return false;
        value = TimeSpan.FromHours(h) + TimeSpan.FromMinutes(m) + TimeSpan.FromMilliseconds((double)(s * 1000));
        return true;
    }

    /// <summary>hh:mm:ss.mmm, hours unbounded (a cue of a title longer than a day still reads right).</summary>
    public static string Timestamp(TimeSpan t)
    {
        var ms = (long)Math.Round(t.TotalMilliseconds);
        return $"{ms / 3_600_000:00}:{ms / 60_000 % 60:00}:{ms / 1000 % 60:00}.{ms % 1000:000}";
    }
}
