using MediaPlatform.Streams.Ladder;
using MediaPlatform.Streams.Packaging;

namespace MediaPlatform.Streams.Tests.Packaging;

public class MasterPlaylistWriterTests
{
    private static readonly IReadOnlyList<Rung> Rungs = LadderPolicy.Default.For(1280, 720, 30, hasAudio: true);

    [Fact]
    public void Lists_variants_by_bandwidth_with_every_attribute_and_the_audio_rendition()
    {
        var audio = Playlist("audio");
        var variants = Rungs.Reverse().Select((r, i) =>
            new HlsVariant(r, Playlist(r.Name), 1_000_000 * (4 - i), 900_000 * (4 - i), 29.97)).ToList();

        var text = MasterPlaylistWriter.Write(variants, audio);

        Assert.Equal(
            "#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-INDEPENDENT-SEGMENTS\n" +
            "#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"aud\",NAME=\"Main\",LANGUAGE=\"und\",DEFAULT=YES,AUTOSELECT=YES,CHANNELS=\"2\",URI=\"audio.m3u8\"\n" +
            "#EXT-X-STREAM-INF:BANDWIDTH=1000000,AVERAGE-BANDWIDTH=900000,RESOLUTION=426x240,CODECS=\"avc1.64001e,mp4a.40.2\",FRAME-RATE=29.970,AUDIO=\"aud\"\n240p.m3u8\n" +
            "#EXT-X-STREAM-INF:BANDWIDTH=2000000,AVERAGE-BANDWIDTH=1800000,RESOLUTION=640x360,CODECS=\"avc1.64001e,mp4a.40.2\",FRAME-RATE=29.970,AUDIO=\"aud\"\n360p.m3u8\n" +
            "#EXT-X-STREAM-INF:BANDWIDTH=3000000,AVERAGE-BANDWIDTH=2700000,RESOLUTION=854x480,CODECS=\"avc1.64001f,mp4a.40.2\",FRAME-RATE=29.970,AUDIO=\"aud\"\n480p.m3u8\n" +
            "#EXT-X-STREAM-INF:BANDWIDTH=4000000,AVERAGE-BANDWIDTH=3600000,RESOLUTION=1280x720,CODECS=\"avc1.64001f,mp4a.40.2\",FRAME-RATE=29.970,AUDIO=\"aud\"\n720p.m3u8\n",
            text);
    }

    [Fact]
    public void Without_audio_there_is_no_audio_group()
    {
        var video = LadderPolicy.Default.For(640, 360, 25, hasAudio: false);
        var text = MasterPlaylistWriter.Write([new HlsVariant(video[0], Playlist("240p"), 500_000, 400_000, 25)], null);

        Assert.DoesNotContain("EXT-X-MEDIA", text);
        Assert.DoesNotContain("AUDIO", text);
        Assert.Contains("CODECS=\"avc1.64001e\"", text);
    }

    [Fact]
    public void Bandwidths_are_the_peak_segment_and_the_overall_average()
    {
        using var temp = new TempDirectory("media-test");
        var folder = temp.Path;
        File.WriteAllText(Path.Combine(folder, "x.m3u8"),
            "#EXTM3U\n#EXT-X-MAP:URI=\"x_init.mp4\"\n#EXTINF:4.000000,\nx_00000.m4s\n#EXTINF:2.000000,\nx_00001.m4s\n#EXT-X-ENDLIST\n");
        File.WriteAllBytes(Path.Combine(folder, "x_00000.m4s"), new byte[100_000]);
        File.WriteAllBytes(Path.Combine(folder, "x_00001.m4s"), new byte[80_000]);

        var playlist = HlsMediaPlaylist.Read(folder, "x.m3u8");

        Assert.Equal("x_init.mp4", playlist.InitFile);
        Assert.Equal(6.0, playlist.Duration.TotalSeconds);
        Assert.Equal(320_000, playlist.PeakBitsPerSecond);    // 80 kB in 2 s
        Assert.Equal(240_000, playlist.AverageBitsPerSecond); // 180 kB in 6 s
    }

    [Fact]
    public void Subtitle_tracks_are_a_WebVTT_group_off_by_default_that_every_variant_names()
    {
        var variants = Rungs.Take(2).Select((r, i) => new HlsVariant(r, Playlist(r.Name), 1_000_000 * (i + 1), 900_000 * (i + 1), 25)).ToList();
        HlsSubtitleRendition[] subtitles = [new("en", "English", "subtitles/en/u1/index.m3u8"), new("pt-br", "Portugu\"ês", "subtitles/pt-br/u2/index.m3u8")];

        var text = MasterPlaylistWriter.Write(variants, Playlist("audio"), subtitles: subtitles);

        var lines = text.Split('\n');
        var firstVariant = Array.FindIndex(lines, l => l.StartsWith("#EXT-X-STREAM-INF:"));
        Assert.Equal(
            "#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"subs\",NAME=\"English\",LANGUAGE=\"en\",DEFAULT=NO,AUTOSELECT=YES,FORCED=NO,URI=\"subtitles/en/u1/index.m3u8\"",
            lines[firstVariant - 2]);
        Assert.Equal(
            "#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"subs\",NAME=\"Português\",LANGUAGE=\"pt-br\",DEFAULT=NO,AUTOSELECT=YES,FORCED=NO,URI=\"subtitles/pt-br/u2/index.m3u8\"",
            lines[firstVariant - 1]);
        var streams = lines.Where(l => l.StartsWith("#EXT-X-STREAM-INF:")).ToList();
        Assert.Equal(2, streams.Count);
        Assert.All(streams, l => Assert.EndsWith(",AUDIO=\"aud\",SUBTITLES=\"subs\"", l));
        Assert.Equal(MasterPlaylistWriter.Write(variants, Playlist("audio")), MasterPlaylistWriter.WithSubtitles(MasterPlaylistWriter.Write(variants, Playlist("audio")), []));
    }

    [Fact]
    public void A_served_master_gets_its_subtitle_group_added_once()
    {
        const string master = "#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-STREAM-INF:BANDWIDTH=200000\n120p/index.m3u8\n";

        var text = MasterPlaylistWriter.WithSubtitles(master, [new HlsSubtitleRendition("fr", "Français", "subtitles/fr/u/index.m3u8")]);

        Assert.Equal("#EXTM3U\n#EXT-X-VERSION:7\n" +
            "#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"subs\",NAME=\"Français\",LANGUAGE=\"fr\",DEFAULT=NO,AUTOSELECT=YES,FORCED=NO,URI=\"subtitles/fr/u/index.m3u8\"\n" +
            "#EXT-X-STREAM-INF:BANDWIDTH=200000,SUBTITLES=\"subs\"\n120p/index.m3u8\n", text);
    }

    [Fact]
    public void A_media_playlist_s_init_segment_and_segment_durations_are_read_from_its_text()
    {
        var playlist = MediaPlaylistText.Parse("#EXTM3U\r\n#EXT-X-TARGETDURATION:4\r\n#EXT-X-MAP:URI=\"x_init.mp4\"\r\n#EXTINF:4.000000,\r\nx_00000.m4s\r\n#EXTINF:1.960000,\r\nx_00001.m4s\r\n#EXT-X-ENDLIST\r\n");

        Assert.Equal("x_init.mp4", playlist.InitUri);
        Assert.Equal([("x_00000.m4s", TimeSpan.FromSeconds(4)), ("x_00001.m4s", TimeSpan.FromMilliseconds(1960))], playlist.Segments);
        Assert.Equal("240p.m3u8", MediaPlaylistText.FirstVariantUri("#EXTM3U\n#EXT-X-MEDIA:TYPE=AUDIO,URI=\"audio.m3u8\"\n#EXT-X-STREAM-INF:BANDWIDTH=1\n240p.m3u8\n"));
        Assert.Null(MediaPlaylistText.FirstVariantUri("#EXTM3U\n"));
    }

    private static HlsMediaPlaylist Playlist(string name) =>
        new(name, name + ".m3u8", name + "_init.mp4", [new HlsSegment(name + "_00000.m4s", TimeSpan.FromSeconds(4), 1000)]);
}
