using System.Globalization;
using System.Text;

namespace MediaPlatform.Streams.Packaging;

/// <summary>Writes the multivariant (master) playlist. Pure: variants, audio and subtitles in, text out.</summary>
public static class MasterPlaylistWriter
{
    public const string AudioGroup = "aud";
    public const string SubtitleGroup = "subs";
    private const string StreamInf = "#EXT-X-STREAM-INF:";

    public static string Write(IReadOnlyList<HlsVariant> variants, HlsMediaPlaylist? audio, int audioChannels = 2,
        IReadOnlyList<HlsSubtitleRendition>? subtitles = null) =>
        WithSubtitles(WriteVideoAndAudio(variants, audio, audioChannels), subtitles ?? []);

    /// <summary>
    /// Adds a WebVTT subtitle group to a written master: one EXT-X-MEDIA per track before the first variant (off until
    /// the viewer picks one: DEFAULT=NO, AUTOSELECT=YES lets a player match the viewer's language) and SUBTITLES on
    /// every variant. Without tracks the master is returned as it is.
    /// </summary>
    public static string WithSubtitles(string master, IReadOnlyList<HlsSubtitleRendition> subtitles)
    {
        if (subtitles.Count == 0) return master;
        var media = new StringBuilder();
        foreach (var track in subtitles)
            media.Append(CultureInfo.InvariantCulture,
                $"#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"{SubtitleGroup}\",NAME=\"{Quoted(track.Name)}\",LANGUAGE=\"{Quoted(track.Language)}\"," +
                $"DEFAULT=NO,AUTOSELECT=YES,FORCED=NO,URI=\"{Quoted(track.Uri)}\"\n");
        var text = new StringBuilder();
        var inserted = false;
        foreach (var line in master.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'))
        {
            if (line.StartsWith(StreamInf, StringComparison.Ordinal))
            {
                if (!inserted) text.Append(media);
                inserted = true;
                text.Append(line.Contains("SUBTITLES=", StringComparison.Ordinal) ? line : $"{line},SUBTITLES=\"{SubtitleGroup}\"");
            }
            else text.Append(line);
            text.Append('\n');
        }
        return inserted ? text.ToString() : master;
    }

    // A quoted-string may hold neither a double quote nor a line break.
    private static string Quoted(string value) => new(value.Where(c => c is not ('"' or '\r' or '\n')).ToArray());

    private static string WriteVideoAndAudio(IReadOnlyList<HlsVariant> variants, HlsMediaPlaylist? audio, int audioChannels)
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
                $"{StreamInf}BANDWIDTH={v.Bandwidth},AVERAGE-BANDWIDTH={v.AverageBandwidth}," +
                $"RESOLUTION={v.Rung.Width}x{v.Rung.Height},CODECS=\"{v.Rung.Codecs}\"," +
                $"FRAME-RATE={v.FrameRate.ToString("0.000", CultureInfo.InvariantCulture)}");
            if (audio is not null) text.Append(CultureInfo.InvariantCulture, $",AUDIO=\"{AudioGroup}\"");
            text.Append('\n').Append(v.Playlist.PlaylistFile).Append('\n');
        }
        return text.ToString();
    }
}
