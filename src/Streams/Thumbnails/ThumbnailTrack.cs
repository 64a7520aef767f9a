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

    /// <summary>hh:mm:ss.mmm, hours unbounded (a cue of a title longer than a day still reads right).</summary>
    public static string Timestamp(TimeSpan t)
    {
        var ms = (long)Math.Round(t.TotalMilliseconds);
        return $"{ms / 3_600_000:00}:{ms / 60_000 % 60:00}:{ms / 1000 % 60:00}.{ms % 1000:000}";
    }
}
