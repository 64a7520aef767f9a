using System.Globalization;
using System.Text;

namespace MediaPlatform.Streams.Packaging;

/// <summary>Writes the multivariant (master) playlist. Pure: variants and audio in, text out.</summary>
public static class MasterPlaylistWriter
{
    public const string AudioGroup = "aud";

    public static string Write(IReadOnlyList<HlsVariant> variants, HlsMediaPlaylist? audio, int audioChannels = 2)
    {
        var text = new StringBuilder();
        text.Append("#EXTM3U\n");
        // Version 7: fMP4 segments with EXT-X-MAP in media playlists.
        text.Append("#EXT-X-VERSION:7\n");
        text.Append("#EXT-X-INDEPENDENT-SEGMENTS\n");
        if (audio is not null)
            text.Append(CultureInfo.InvariantCulture,
                $"#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"{AudioGroup}\",NAME=\"Main\",LANGUAGE=\"und\",DEFAULT=YES," +
                $"AUTOSELECT=YES,CHANNELS=\"{audioChannels}\",URI=\"{audio.PlaylistFile}\"\n");
        foreach (var v in variants.OrderBy(v => v.Bandwidth))
        {
            text.Append(CultureInfo.InvariantCulture,
                $"#EXT-X-STREAM-INF:BANDWIDTH={v.Bandwidth},AVERAGE-BANDWIDTH={v.AverageBandwidth}," +
                $"RESOLUTION={v.Rung.Width}x{v.Rung.Height},CODECS=\"{v.Rung.Codecs}\"," +
                $"FRAME-RATE={v.FrameRate.ToString("0.000", CultureInfo.InvariantCulture)}");
            if (audio is not null) text.Append(CultureInfo.InvariantCulture, $",AUDIO=\"{AudioGroup}\"");
            text.Append('\n').Append(v.Playlist.PlaylistFile).Append('\n');
        }
        return text.ToString();
    }
}
