using System.Diagnostics;
using MediaPlatform.Streams.Quality.Pixels;
using Xunit.Abstractions;

namespace MediaPlatform.Streams.Tests.Quality.Pixels;

public class StuckPixelDetectorTests(ITestOutputHelper output)
{
    private const int Threshold = 40;

    /// <summary>Grainy mid-gray frames: every pixel changes from frame to frame, almost none is an outlier.</summary>
    private static byte[] GrainFrame(Random random, int width, int height)
    {
        var frame = new byte[width * height];
        for (var i = 0; i < frame.Length; i++) frame[i] = (byte)random.Next(100, 150);
        return frame;
    }

    [Fact]
    public void Finds_defects_inside_on_the_edge_and_in_the_corner()
    {
        const int w = 64, h = 48;
        var random = new Random(7);
        var detector = new StuckPixelDetector(w, h, Threshold);
        for (var n = 0; n < 30; n++)
        {
            var frame = GrainFrame(random, w, h);
            frame[20 * w + 10] = 255; // inside, bright
            frame[3 * w + 0] = 0;     // left edge, dark
            frame[(h - 1) * w + w - 1] = 250; // bottom-right corner, bright
            frame[30 * w + 60] = 10;  // past the last 16-pixel block, so the scalar tail is covered too
            detector.Add(frame);
        }

        var found = detector.Find(0.8, 4).OrderBy(p => p.Y).ThenBy(p => p.X).ToList();

        Assert.Equal(
            [new StuckPixel(0, 3, StuckPixelKind.Dark, 1), new StuckPixel(10, 20, StuckPixelKind.Bright, 1),
             new StuckPixel(60, 30, StuckPixelKind.Dark, 1),
             new StuckPixel(w - 1, h - 1, StuckPixelKind.Bright, 1)],
            found);
    }

    [Fact]
    public void A_pixel_that_is_an_outlier_only_sometimes_is_not_reported()
    {
        const int w = 32, h = 32;
        var random = new Random(3);
        var detector = new StuckPixelDetector(w, h, Threshold);
        for (var n = 0; n < 30; n++)
        {
            var frame = GrainFrame(random, w, h);
            if (n % 2 == 0) frame[10 * w + 10] = 255; // half the frames
            frame[20 * w + 20] = n < 23 ? (byte)255 : (byte)125; // stuck for 23 of 30 = 77 %, under 80 %
            detector.Add(frame);
        }

        Assert.Empty(detector.Find(0.8, 4));
        Assert.Equal((20, 20), detector.Find(0.7, 4).Select(p => (p.X, p.Y)).Single());
    }

    [Fact]
    public void Static_detail_is_not_a_defect()
    {
        const int w = 32, h = 32;
        var random = new Random(5);
        var detector = new StuckPixelDetector(w, h, Threshold);
        var still = GrainFrame(random, w, h);
        still[5 * w + 5] = 255; // a dot in a picture that never changes
        for (var n = 0; n < 30; n++)
        {
            var frame = GrainFrame(random, w, h);
            for (var x = 8; x < 20; x++) frame[15 * w + x] = 255; // a thin static line over changing grain
            detector.Add(frame);
        }
        var stillDetector = new StuckPixelDetector(w, h, Threshold);
        for (var n = 0; n < 30; n++) stillDetector.Add(still);

        Assert.Empty(detector.Find(0.8, 4));
        Assert.Empty(stillDetector.Find(0.8, 4));
    }

    [Fact]
    public void Thirty_frames_of_720p_are_analysed_quickly()
    {
        const int w = 1280, h = 720;
        var random = new Random(11);
        var frames = Enumerable.Range(0, 30).Select(_ =>
        {
            // Smooth gradient with grain, like a real picture: most pixels take the fast path.
            var frame = new byte[w * h];
            var shift = random.Next(0, 64);
            for (var y = 0; y < h; y++)
            for (var x = 0; x < w; x++) frame[y * w + x] = (byte)((x + y + shift) / 8 + random.Next(0, 12));
            return frame;
        }).ToArray();

        // One warm-up run so the figure is the steady state of a long-running node, not the JIT's first tier.
        var warmUp = new StuckPixelDetector(w, h, Threshold);
        foreach (var frame in frames) warmUp.Add(frame);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var detector = new StuckPixelDetector(w, h, Threshold);
        foreach (var frame in frames) detector.Add(frame);
        var found = detector.Find(0.8, 4);
        watch.Stop();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;

        // A figure for the record, not a timed assertion (this machine is shared); the result must still be right.
        output.WriteLine($"30 frames of {w}x{h}: {watch.ElapsedMilliseconds} ms wall, {cpu.TotalMilliseconds:0} ms CPU");
        Assert.Empty(found);
        Assert.Equal(30, detector.Frames);
    }
}
