using System.Globalization;
using System.Text.RegularExpressions;
using MediaPlatform.Streams.Packaging;
using MediaPlatform.Streams.Thumbnails;
using MediaPlatform.Testing.Media;

namespace MediaPlatform.Streams.Tests.Thumbnails;

public sealed partial class TitleThumbnailsTests(ThumbnailFixture fixture) : IClassFixture<ThumbnailFixture>
{
    [Fact]
    public async Task The_poster_is_a_lit_detailed_frame_even_when_the_title_opens_black()
    {
        var poster = Path.Combine(fixture.Output, PosterFrame.FileName);
        Assert.True(fixture.Set.PosterTime >= TimeSpan.FromSeconds(2), $"poster taken at {fixture.Set.PosterTime}, inside the black opening");
        var luma = await MediaInspection.MeanLumaAsync(poster);
        Assert.True(luma > 40, $"the poster's mean luma is {luma:0.0}: a black frame");
        var video = await MediaInspection.VideoAsync(poster);
        Assert.Equal(("mjpeg", 640, 360), (video.CodecName, video.Width, video.Height)); // never wider than the video
    }

    [Fact]
    public async Task Thumbnail_cues_cover_the_whole_duration_without_a_gap_and_each_region_lies_inside_its_sprite()
    {
        var cues = await ReadCuesAsync(Path.Combine(fixture.Output, ThumbnailTrack.FileName));
        Assert.True(cues.Count >= 4, $"{cues.Count} cues for 12 s");
        Assert.Equal(TimeSpan.Zero, cues[0].Start);
        for (var i = 1; i < cues.Count; i++) Assert.Equal(cues[i - 1].End, cues[i].Start);
        Assert.All(cues, c => Assert.True(c.End > c.Start, $"an empty cue at {c.Start}"));
        Assert.InRange(cues[^1].End.TotalSeconds, ThumbnailFixture.Duration.TotalSeconds - 0.05, ThumbnailFixture.Duration.TotalSeconds + 0.05);

        foreach (var sheet in cues.GroupBy(c => c.Sheet))
        {
            var image = await MediaInspection.VideoAsync(Path.Combine(fixture.Output, sheet.Key));
            Assert.Equal("mjpeg", image.CodecName);
            Assert.All(sheet, c =>
            {
                Assert.Equal((160, 90), (c.W, c.H));
                Assert.True(c.X >= 0 && c.Y >= 0 && c.X + c.W <= image.Width && c.Y + c.H <= image.Height,
                    $"{c.Sheet}#xywh={c.X},{c.Y},{c.W},{c.H} outside {image.Width}x{image.Height}");
            });
        }
    }

    [Fact]
    public async Task A_scene_change_between_spaced_frames_gets_its_own_thumbnail()
    {
        // Spaced frames at 0, 4 (first keyframe past 3), 6 and 10 s; the cut from black at 2 s is a scene change.
        var cues = await ReadCuesAsync(Path.Combine(fixture.Output, ThumbnailTrack.FileName));
        Assert.Equal([0.0, 2.0, 4.0, 6.0, 10.0], cues.Select(c => c.Start.TotalSeconds));
        Assert.True(fixture.Set.KeyframesOnly, "a rendition with keyframes every 2 s is sampled from its keyframes");
    }

    [Fact]
    public async Task A_short_title_without_known_keyframes_is_decoded_whole_and_still_gets_several_thumbnails()
    {
        using var clip = await GeneratedClip.VideoAsync(seconds: 3, width: 320, height: 240, audio: false);
        var output = Path.Combine(clip.Folder, "out");
        var set = await new TitleThumbnails().WriteAsync((clip.Path, 320, 240), clip.Path, TimeSpan.FromSeconds(3), null, ThumbnailOptions.Default, output);
        Assert.False(set.KeyframesOnly);
        var cues = await ReadCuesAsync(Path.Combine(output, ThumbnailTrack.FileName));
        Assert.True(cues.Count >= 4, $"{cues.Count} thumbnails for 3 s");
        Assert.All(cues, c => Assert.Equal((160, 120), (c.W, c.H))); // 4:3 kept
        Assert.Equal(3.0, cues[^1].End.TotalSeconds, 0.05);
    }

    [Fact]
    public void Thumbnails_past_a_full_sheet_start_the_next_sheet_and_cues_stay_contiguous()
    {
        var times = Enumerable.Range(0, 130).Select(i => TimeSpan.FromSeconds(i * 10 + 0.04)).ToList();
        var tiles = SpriteLayout.Tiles(times, TimeSpan.FromSeconds(1300), 160, 90, 10, 10);
        Assert.Equal(("sprite-0.jpg", 1440, 810), (tiles[99].Sheet, tiles[99].X, tiles[99].Y));
        Assert.Equal(("sprite-1.jpg", 0, 0), (tiles[100].Sheet, tiles[100].X, tiles[100].Y));
        Assert.Equal(TimeSpan.Zero, tiles[0].Start);
        Assert.All(tiles.Zip(tiles.Skip(1)), p => Assert.Equal(p.First.End, p.Second.Start));
        Assert.Equal(TimeSpan.FromSeconds(1300), tiles[^1].End);
        Assert.Equal((10, 3), SpriteLayout.Grid(30, 10));
        Assert.Equal("26:30:01.250", ThumbnailTrack.Timestamp(new TimeSpan(1, 2, 30, 1, 250)));
    }

    private sealed record Cue(TimeSpan Start, TimeSpan End, string Sheet, int X, int Y, int W, int H);

    /// <summary>Reads the track as a player would, independently of the code that wrote it.</summary>
    private static async Task<List<Cue>> ReadCuesAsync(string path)
    {
        var text = await File.ReadAllTextAsync(path);
        Assert.StartsWith("WEBVTT\n", text);
        return CueRegex().Matches(text).Select(m => new Cue(Time(m.Groups[1].Value), Time(m.Groups[2].Value), m.Groups[3].Value,
            int.Parse(m.Groups[4].Value), int.Parse(m.Groups[5].Value), int.Parse(m.Groups[6].Value), int.Parse(m.Groups[7].Value))).ToList();
    }

    private static TimeSpan Time(string text) => TimeSpan.ParseExact(text, @"hh\:mm\:ss\.fff", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(\d\d:\d\d:\d\d\.\d\d\d) --> (\d\d:\d\d:\d\d\.\d\d\d)\n(sprite-\d+\.jpg)#xywh=(\d+),(\d+),(\d+),(\d+)\n")]
    private static partial Regex CueRegex();
}
