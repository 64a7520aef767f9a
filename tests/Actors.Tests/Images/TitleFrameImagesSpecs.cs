using MediaPlatform.Actors.Images;
using MediaPlatform.Streams.Thumbnails;

namespace MediaPlatform.Actors.Tests.Images;

public sealed class TitleFrameImagesSpecs
{
    [Fact]
    public void At_most_the_limit_of_frames_is_handed_over_spread_from_the_first_to_the_last()
    {
        var times = Enumerable.Range(0, 130).Select(i => TimeSpan.FromSeconds(i * 10)).ToList();
        var tiles = SpriteLayout.Tiles(times, TimeSpan.FromSeconds(1300), 160, 90, 10, 10);

        var picked = TitleFrameImages.Spread(tiles, 5);

        Assert.Equal([0, 320, 640, 970, 1290], picked.Select(t => (int)t.Start.TotalSeconds));
        Assert.Same(tiles, TitleFrameImages.Spread(tiles, 130));
        Assert.Single(TitleFrameImages.Spread(tiles, 1));
    }

    [Fact]
    public void The_thumbnail_track_reads_back_the_tiles_it_was_written_from_and_skips_cues_it_would_not_write()
    {
        var times = Enumerable.Range(0, 130).Select(i => TimeSpan.FromMilliseconds(i * 10_000 + 40)).ToList(); // the track holds milliseconds
        var tiles = SpriteLayout.Tiles(times, TimeSpan.FromSeconds(1300), 160, 90, 10, 10);

        Assert.Equal(tiles, ThumbnailTrack.Read(ThumbnailTrack.Write(tiles)));
        Assert.Empty(ThumbnailTrack.Read("WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nsprite-0.jpg#xywh=0,0,0,90\n\nnot a cue\n"));
    }
}
