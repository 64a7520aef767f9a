using SkiaSharp;

namespace MediaPlatform.Streams.Images;

/// <summary>
/// The tag stage, on a small copy (at most 256 pixels wide: classes and colours do not need more): dominant colours
/// by counting pixels in a 4-level-per-channel palette, brightness and contrast classes from the mean and spread of
/// luma, edge density (share of pixels whose luma gradient is steep) — text, screenshots and line art are dense with
/// sharp edges where photos are not — and the perceptual hash.
/// </summary>
public static class ImageTagger
{
    private const int WorkSide = 256;
    private const double EdgeStep = 0.25;
    private const double TextEdgeDensity = 0.12;

    public static ImageTags Tag(SKBitmap image)
    {
        var scale = Math.Min(1.0, WorkSide / (double)Math.Max(image.Width, image.Height));
        var (w, h) = (Math.Max(2, (int)(image.Width * scale)), Math.Max(2, (int)(image.Height * scale)));
        using var small = image.Resize(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Premul), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        var pixels = small.Pixels;
        var luma = new double[pixels.Length];
        var buckets = new Dictionary<int, (long Count, long R, long G, long B)>();
        double sum = 0;
        for (var i = 0; i < pixels.Length; i++)
        {
            var c = pixels[i];
            luma[i] = PerceptualHash.Luma(c);
            sum += luma[i];
            var key = (c.Red >> 6) << 4 | (c.Green >> 6) << 2 | c.Blue >> 6;
            var b = buckets.GetValueOrDefault(key);
            buckets[key] = (b.Count + 1, b.R + c.Red, b.G + c.Green, b.B + c.Blue);
        }
        var mean = sum / luma.Length;
        var spread = Math.Sqrt(luma.Sum(l => (l - mean) * (l - mean)) / luma.Length);
        var edges = 0;
        for (var y = 0; y < h - 1; y++)
            for (var x = 0; x < w - 1; x++)
            {
                var here = luma[y * w + x];
                if (Math.Abs(here - luma[y * w + x + 1]) > EdgeStep || Math.Abs(here - luma[(y + 1) * w + x]) > EdgeStep) edges++;
            }
        var density = edges / (double)((w - 1) * (h - 1));
        var colours = buckets.Values.OrderByDescending(b => b.Count).Take(3)
            .Select(b => $"#{b.R / b.Count:x2}{b.G / b.Count:x2}{b.B / b.Count:x2}").ToList();
        return new ImageTags(colours,
            mean < 0.3 ? "dark" : mean > 0.7 ? "bright" : "medium",
            spread < 0.1 ? "low" : spread > 0.25 ? "high" : "medium",
            Math.Round(density, 4), density >= TextEdgeDensity, PerceptualHash.Of(image));
    }
}
