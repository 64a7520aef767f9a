using MediaPlatform.Streams.Ladder;
using MediaPlatform.Streams.Probing;

namespace MediaPlatform.Streams.Tests.Ladder;

public class LadderPolicyTests
{
    private static readonly LadderPolicy Policy = LadderPolicy.Default;

    [Fact]
    public void Full_hd_source_gets_every_default_rung_with_even_sizes_and_its_aspect()
    {
        var rungs = Policy.For(1920, 1080, 25, hasAudio: true);

        Assert.Equal(["240p", "360p", "480p", "720p", "1080p"], rungs.Select(r => r.Name));
        Assert.Equal([(426, 240), (640, 360), (854, 480), (1280, 720), (1920, 1080)], rungs.Select(r => (r.Width, r.Height)));
        AssertWellFormed(rungs, 1920, 1080);
    }

    [Theory]
    [InlineData(1280, 720, "720p")]
    [InlineData(800, 600, "480p")]
    [InlineData(1000, 700, "480p")]
    [InlineData(3840, 2160, "1080p")]
    public void Never_upscales(int width, int height, string top)
    {
        var rungs = Policy.For(width, height, 30, hasAudio: false);

        Assert.Equal(top, rungs[^1].Name);
        Assert.All(rungs, r => Assert.True(r.Width <= width && r.Height <= height, $"{r.Name} {r.Width}x{r.Height}"));
        AssertWellFormed(rungs, width, height);
    }

    [Fact]
    public void Odd_sized_source_gets_even_rung_no_larger_than_itself()
    {
        var rung = Assert.Single(Policy.For(321, 241, 25, hasAudio: true));

        Assert.Equal(("240p", 320, 240), (rung.Name, rung.Width, rung.Height));
    }

    [Theory]
    [InlineData(160, 120, "120p", 160, 120)]
    [InlineData(175, 99, "98p", 174, 98)]
    [InlineData(99, 175, "98p", 98, 174)]
    public void Source_below_lowest_rung_gets_one_rung_at_its_own_size(int w, int h, string name, int rw, int rh)
    {
        var rung = Assert.Single(Policy.For(w, h, 25, hasAudio: false));

        Assert.Equal((name, rw, rh), (rung.Name, rung.Width, rung.Height));
        Assert.InRange(rung.VideoKbps, 100, Policy.Rungs[0].VideoKbps - 1);
    }

    [Fact]
    public void Portrait_source_is_laddered_by_its_short_side()
    {
        var rungs = Policy.For(1080, 1920, 30, hasAudio: true);

        Assert.Equal(["240p", "360p", "480p", "720p", "1080p"], rungs.Select(r => r.Name));
        Assert.Equal((720, 1280), (rungs[3].Width, rungs[3].Height));
        Assert.Equal((1080, 1920), (rungs[4].Width, rungs[4].Height));
        AssertWellFormed(rungs, 1080, 1920);
    }

    [Fact]
    public void Rotated_source_uses_its_display_size_not_its_coded_size()
    {
        // Coded 1280x720, shown rotated: a portrait 720x1280 picture.
        var probe = Probe(width: 1280, height: 720, displayWidth: 720, displayHeight: 1280, rotation: 90);

        var rungs = Policy.For(probe);

        Assert.Equal((720, 1280), (rungs[^1].Width, rungs[^1].Height));
        Assert.All(rungs, r => Assert.True(r.Height > r.Width));
    }

    [Fact]
    public void Rates_follow_the_configured_factors_and_rise_with_the_rungs()
    {
        var rungs = Policy.For(1920, 1080, 30, hasAudio: true);

        Assert.All(rungs, r =>
        {
            Assert.Equal((int)Math.Round(r.VideoKbps * 1.5), r.MaxRateKbps);
            Assert.Equal(r.VideoKbps * 2, r.BufferKbps);
        });
        Assert.Equal(rungs.Select(r => r.VideoKbps).Order(), rungs.Select(r => r.VideoKbps));
    }

    [Theory]
    [InlineData(1280, 720, 30, "avc1.64001f", "3.1")]
    [InlineData(1280, 720, 60, "avc1.640020", "3.2")]
    [InlineData(1920, 1080, 30, "avc1.640028", "4.0")]
    [InlineData(1920, 1080, 60, "avc1.64002a", "4.2")]
    [InlineData(640, 360, 25, "avc1.64001e", "3.0")]
    public void Codec_string_names_the_level_the_size_and_rate_need(int w, int h, double fps, string codec, string level)
    {
        var top = Policy.For(w, h, fps, hasAudio: true)[^1];

        Assert.Equal(codec, top.VideoCodec);
        Assert.Equal(level, top.Level);
        Assert.Equal($"{codec},mp4a.40.2", top.Codecs);
        Assert.Equal(codec, Policy.For(w, h, fps, hasAudio: false)[^1].Codecs);
    }

    [Fact]
    public void Custom_ladder_is_used_as_configured()
    {
        var policy = new LadderPolicy([new RungSpec("low", 180, 250), new RungSpec("high", 540, 2000)], 1.2, 1.5);

        var rungs = policy.For(1280, 720, 25, hasAudio: false);

        Assert.Equal([("low", 320, 180, 300, 375), ("high", 960, 540, 2400, 3000)],
            rungs.Select(r => (r.Name, r.Width, r.Height, r.MaxRateKbps, r.BufferKbps)));
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("360P")]
    [InlineData("a b")]
    [InlineData("")]
    public void Rung_names_that_are_not_safe_file_names_are_refused(string name) =>
        Assert.Throws<ArgumentException>(() => new LadderPolicy([new RungSpec(name, 360, 800)]));

    private static void AssertWellFormed(IReadOnlyList<Rung> rungs, int sourceWidth, int sourceHeight)
    {
        var aspect = (double)sourceWidth / sourceHeight;
        foreach (var r in rungs)
        {
            Assert.True(r.Width % 2 == 0 && r.Height % 2 == 0, $"{r.Name} {r.Width}x{r.Height} not even");
            // Within the 2-pixel rounding of the long side.
            var tolerance = 2.0 / Math.Min(r.Width, r.Height);
            Assert.InRange((double)r.Width / r.Height, aspect - tolerance, aspect + tolerance);
        }
    }

    internal static ProbeResult Probe(int width = 1920, int height = 1080, int? displayWidth = null,
        int? displayHeight = null, int rotation = 0, double seconds = 10, int frames = 250, string codec = "h264",
        bool audio = true, TimeSpan? readable = null) =>
        new("mov,mp4,m4a,3gp,3g2,mj2", TimeSpan.FromSeconds(seconds), width, height, displayWidth ?? width,
            displayHeight ?? height, rotation, 25, false, codec, "yuv420p", 1_000_000, TimeSpan.Zero, frames, 5,
            TimeSpan.FromSeconds(2), readable ?? TimeSpan.FromSeconds(seconds), null, audio, audio ? "aac" : null,
            audio ? 2 : 0, audio ? 48_000 : 0, TimeSpan.Zero);
}
