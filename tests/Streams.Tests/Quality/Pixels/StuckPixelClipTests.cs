using MediaPlatform.Streams.Quality;
using MediaPlatform.Streams.Quality.Video;
using MediaPlatform.Testing.Media;

namespace MediaPlatform.Streams.Tests.Quality.Pixels;

public class StuckPixelClipTests
{
    // Temporal noise makes every neighbourhood change between samples, so a defect can be told from static detail.
    private const string Noise = "noise=alls=30:allf=t+u";

    [Fact]
    public async Task A_stuck_bright_and_a_dead_dark_pixel_are_reported_at_their_positions()
    {
        using var clip = await GeneratedClip.VideoAsync(seconds: 4, audio: false, videoFilter:
            $"{Noise},drawbox=x=160:y=60:w=1:h=1:color=white:t=fill,drawbox=x=130:y=100:w=1:h=1:color=black:t=fill");

        var report = await VideoQualityCheck.RunAsync(clip.Path, QcThresholds.Default);

        var stuck = report.Findings.Where(f => f.Check == QcChecks.StuckPixel).OrderBy(f => f.Y).ToList();
        Assert.Equal(2, stuck.Count);
        Assert.Equal((160, 60), (stuck[0].X, stuck[0].Y));
        Assert.Contains("stuck bright", stuck[0].Message);
        Assert.Equal((130, 100), (stuck[1].X, stuck[1].Y));
        Assert.Contains("dead", stuck[1].Message);
        Assert.All(stuck, f => Assert.Equal(QcSeverity.Warning, f.Severity));
    }

    [Theory]
    [InlineData(null)]                       // moving objects over static bars and a burned-in clock
    [InlineData(Noise)]
    [InlineData("noise=alls=60:allf=t+u")]   // heavy grain
    [InlineData("MANDELBROT")]               // fine detail everywhere, zooming
    public async Task Clean_sources_have_no_stuck_pixels(string? filter)
    {
        using var clip = filter == "MANDELBROT"
            ? await GeneratedClip.RawAsync("mandelbrot.mp4", ["-f", "lavfi", "-i", "mandelbrot=size=320x240:rate=25:maxiter=200",
                "-t", "4", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"])
            : await GeneratedClip.VideoAsync(seconds: 4, audio: false, videoFilter: filter);

        var report = await VideoQualityCheck.RunAsync(clip.Path, QcThresholds.Default);

        Assert.DoesNotContain(report.Findings, f => f.Check == QcChecks.StuckPixel);
    }
}
