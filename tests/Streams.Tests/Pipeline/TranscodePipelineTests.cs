using System.Text.RegularExpressions;
using MediaPlatform.Streams.Ladder;
using MediaPlatform.Streams.Packaging;
using MediaPlatform.Streams.Tests.Encoding;
using MediaPlatform.Testing.Media;

namespace MediaPlatform.Streams.Tests.Pipeline;

public partial class TranscodePipelineTests(TranscodeFixture fixture) : IClassFixture<TranscodeFixture>
{
    private string Out => fixture.Summary.OutputFolder;

    [Fact]
    public async Task Every_rung_keeps_every_frame_and_the_duration_through_split_encode_and_segmenting()
    {
        var summary = fixture.Summary;
        Assert.Equal(["240p", "360p"], summary.Rungs.Select(r => r.Name));
        Assert.Equal((3, 6), (summary.ChunkCount, summary.Encodes));
        foreach (var rung in summary.Rungs)
        {
            // The rung as a player joins it: init segment, then every media segment.
            var playlist = HlsMediaPlaylist.Read(Out, rung.Playlist);
            var joined = Path.Combine(fixture.Request.WorkFolder, $"{rung.Name}-joined.mp4");
            await File.WriteAllBytesAsync(joined, playlist.Segments.Select(s => s.File).Prepend(playlist.InitFile!)
                .SelectMany(f => File.ReadAllBytes(Path.Combine(Out, f))).ToArray());
            Assert.Equal(250, rung.FrameCount);
            Assert.Equal(250, await MediaInspection.FrameCountAsync(joined));
            Assert.Equal(250, await MediaInspection.FrameCountAsync(Path.Combine(Out, rung.Playlist)));
            Assert.Equal(10.0, rung.Duration.TotalSeconds, 0.04);
            Assert.Equal(10.0, playlist.Duration.TotalSeconds, 0.04);
            var keyframes = await MediaInspection.KeyframeTimesAsync(joined);
            Assert.Equal([0.0, 2.0, 4.0, 6.0, 8.0], keyframes.Select(t => Math.Round(t - keyframes[0], 3)));
        }
    }

    [Fact]
    public async Task The_package_holds_a_poster_at_the_sharpest_rungs_size_and_a_seek_bar_preview()
    {
        var poster = await MediaInspection.VideoAsync(Path.Combine(Out, PosterFrame.FileName));
        Assert.Equal(("mjpeg", 640, 360), (poster.CodecName, poster.Width, poster.Height)); // the 360p rung, under 1280 wide
        Assert.Null(fixture.Summary.ThumbnailFailure);
        var preview = fixture.Summary.Thumbnails!;
        Assert.True(File.Exists(Path.Combine(Out, Streams.Thumbnails.ThumbnailTrack.FileName)));
        Assert.All(preview.Sheets, s => Assert.True(File.Exists(Path.Combine(Out, s))));
        Assert.True(preview.KeyframesOnly, "the rungs' 2 s keyframes are enough for a 10 s title");
        Assert.Equal(TimeSpan.FromSeconds(1), PosterFrame.At(TimeSpan.FromSeconds(10))); // the fallback when there is no preview
        Assert.Equal(TimeSpan.Zero, PosterFrame.At(TimeSpan.Zero)); // unknown duration: the first frame
    }

    [Fact]
    public void Hls_segments_line_up_across_rungs()
    {
        var playlists = fixture.Summary.Rungs.Select(r => HlsMediaPlaylist.Read(Out, r.Playlist)).ToList();

        foreach (var p in playlists)
        {
            Assert.Equal([4.0, 4.0, 2.0], p.Segments.Select(s => Math.Round(s.Duration.TotalSeconds, 3)));
            Assert.NotNull(p.InitFile);
            Assert.True(File.Exists(Path.Combine(Out, p.InitFile!)));
            Assert.All(p.Segments, s => Assert.StartsWith(p.Name + "_", s.File));
        }
        var first = playlists[0].Segments.Select(s => s.Duration);
        Assert.All(playlists, p => Assert.Equal(first, p.Segments.Select(s => s.Duration)));
    }

    [Fact]
    public async Task Master_playlist_lists_every_rung_with_its_attributes_and_the_audio_group()
    {
        var master = await File.ReadAllLinesAsync(Path.Combine(Out, fixture.Summary.MasterPlaylist));

        Assert.Equal("#EXTM3U", master[0]);
        var media = Assert.Single(master, l => l.StartsWith("#EXT-X-MEDIA:", StringComparison.Ordinal));
        Assert.Contains("TYPE=AUDIO", media);
        Assert.Contains("GROUP-ID=\"aud\"", media);
        Assert.Contains("URI=\"audio.m3u8\"", media);
        var ladder = LadderPolicy.Default.For(640, 360, 25, hasAudio: true);
        var variants = master.Select((line, i) => (line, i)).Where(x => x.line.StartsWith("#EXT-X-STREAM-INF:")).ToList();
        Assert.Equal(ladder.Count, variants.Count);
        foreach (var (line, i) in variants)
        {
            var uri = master[i + 1];
            var rung = Assert.Single(ladder, r => r.Name + ".m3u8" == uri);
            var bandwidth = long.Parse(Attribute().Match(line.Replace("AVERAGE-BANDWIDTH", "")).Groups[1].Value);
            var average = long.Parse(Regex.Match(line, "AVERAGE-BANDWIDTH=(\\d+)").Groups[1].Value);
            Assert.InRange(average, 50_000, bandwidth);
            Assert.Contains($"RESOLUTION={rung.Width}x{rung.Height}", line);
            Assert.Contains($"CODECS=\"{rung.Codecs}\"", line);
            Assert.Contains("FRAME-RATE=25.000", line);
            Assert.Contains("AUDIO=\"aud\"", line);
            Assert.True(File.Exists(Path.Combine(Out, uri)));
            // The advertised level is the one in the stream.
            var video = await MediaInspection.VideoAsync(Path.Combine(Out, uri));
            Assert.Equal(rung.VideoCodec, H264Level.HighProfileCodec(video.Level));
        }
    }

    [Fact]
    public async Task Audio_and_video_renditions_end_together()
    {
        var audio = HlsMediaPlaylist.Read(Out, fixture.Summary.AudioPlaylist!);
        foreach (var rung in fixture.Summary.Rungs)
        {
            var video = HlsMediaPlaylist.Read(Out, rung.Playlist);
            Assert.Equal(video.Duration.TotalSeconds, audio.Duration.TotalSeconds, 0.05);
            Assert.Equal(await MediaInspection.FormatDurationAsync(Path.Combine(Out, rung.Playlist)),
                await MediaInspection.FormatDurationAsync(Path.Combine(Out, audio.PlaylistFile)), 0.05);
        }
    }

    [Fact]
    public void Progress_counts_every_chunk_and_rung_encode_up_to_done()
    {
        List<Streams.Pipeline.TranscodeProgress> progress;
        lock (fixture.Progress) progress = [.. fixture.Progress];

        // The first and last chunks are two items each (with two rungs, one per rung), the middle one one item for both
        // rungs (as the cluster queues them).
        var encodes = progress.Where(p => p.Stage == "encode").Select(p => p.ChunksDone).ToList();
        Assert.Equal(0, encodes[0]);
        Assert.Equal(6, encodes[^1]);
        Assert.Equal(6, encodes.Count); // 5 items: 0, then one report per item
        Assert.Equal(encodes.Order(), encodes);
        Assert.All(progress.Where(p => p.Stage == "encode"), p => Assert.Equal(6, p.ChunksTotal));
        Assert.Equal(new Streams.Pipeline.TranscodeProgress("done", 6, 6), progress[^1]);
        Assert.Equal(["probe", "split", "encode", "package", "done"], progress.Select(p => p.Stage).Distinct());
    }

    [GeneratedRegex("BANDWIDTH=(\\d+)")]
    private static partial Regex Attribute();
}
