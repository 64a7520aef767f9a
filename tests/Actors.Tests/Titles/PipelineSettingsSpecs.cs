using Akka.Configuration;
using MediaPlatform.Actors.Titles.Pipeline;
using MediaPlatform.Streams.Ladder;
using MediaPlatform.Streams.Quality;

namespace MediaPlatform.Actors.Tests.Titles;

/// <summary>media-platform.pipeline as operators write it: the shipped defaults, a custom ladder, and what is refused.</summary>
public sealed class PipelineSettingsSpecs
{
    [Fact]
    public void Without_settings_the_pipeline_must_use_the_default_ladder_and_thresholds()
    {
        var settings = PipelineSettings.From(Config.Empty);

        Assert.True(settings.StartOnUpload);
        Assert.Equal((4, 4), (settings.ChunkSeconds, settings.SegmentSeconds));
        Assert.Same(LadderPolicy.Default, settings.Ladder);
        Assert.Equal(QcSeverity.Error, settings.Quality.BlockPublishingAt);
        Assert.Equal((TimeSpan.FromSeconds(10), 20), (settings.Thumbnails.Interval, settings.Thumbnails.MaxSceneFrames));
    }

    [Fact]
    public void Configured_thumbnail_sampling_must_be_used()
    {
        var settings = PipelineSettings.From(ConfigurationFactory.ParseString(
            "media-platform.pipeline.thumbnails { interval = 5s, max-scene-frames = 0 }"));

        Assert.Equal((TimeSpan.FromSeconds(5), 0), (settings.Thumbnails.Interval, settings.Thumbnails.MaxSceneFrames));
    }

    [Fact]
    public void A_configured_ladder_and_quality_thresholds_must_be_used()
    {
        var settings = PipelineSettings.From(ConfigurationFactory.ParseString("""
            media-platform.pipeline {
              start-on-upload = off
              ladder = ["180p 180 250", "540p 540 2000"]
              quality { block-publishing-at = off, black-warning-after = 5s, stuck-pixel-sample-frames = 0 }
            }
            """));

        Assert.False(settings.StartOnUpload);
        Assert.Equal(["180p", "540p"], settings.Ladder.Rungs.Select(r => r.Name));
        Assert.Equal([250, 2000], settings.Ladder.Rungs.Select(r => r.VideoKbps));
        Assert.Equal(["180p", "540p"], settings.Ladder.For(1280, 720, 25, true).Select(r => r.Name));
        Assert.Null(settings.Quality.BlockPublishingAt);
        Assert.Equal(TimeSpan.FromSeconds(5), settings.Quality.BlackWarningAfter);
        Assert.Equal(0, settings.Quality.StuckPixelSampleFrames);
    }

    [Theory]
    [InlineData("ladder = [\"720p\"]", "name short-side video-kbps")]
    [InlineData("ladder = [\"720p 721 3000\"]", "short side must be even")]
    [InlineData("ladder = [\"720p 720 3000\", \"720p 720 2000\"]", "unique")]
    [InlineData("ladder = [\"../x 720 3000\"]", "rung name")]
    [InlineData("segment-seconds = 5", "even number of seconds")]
    [InlineData("chunk-seconds = 1", "chunk-seconds")]
    [InlineData("quality.block-publishing-at = sometimes", "error, warning or off")]
    [InlineData("thumbnails.interval = 500ms", "thumbnails.interval")]
    [InlineData("thumbnails.max-scene-frames = -1", "thumbnails.max-scene-frames")]
    public void A_bad_setting_must_be_refused_naming_it(string setting, string expected)
    {
        var error = Assert.Throws<ConfigurationException>(() =>
            PipelineSettings.From(ConfigurationFactory.ParseString($"media-platform.pipeline {{ {setting} }}")));

        Assert.Contains(expected, error.Message);
        Assert.Contains("media-platform.pipeline", error.Message);
    }
}
