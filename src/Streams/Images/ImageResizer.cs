using SkiaSharp;

namespace MediaPlatform.Streams.Images;

/// <summary>
/// The resize stage: each served width (never wider than the image; an image narrower than the smallest is served
/// at its own width) in WebP and JPEG, named "w{width}.webp" / "w{width}.jpg".
/// </summary>
public static class ImageResizer
{
    public static readonly IReadOnlyList<int> DefaultWidths = [160, 320, 640, 1280];
    private const int WebpQuality = 80;
    private const int JpegQuality = 85;

    public static IReadOnlyList<ImageVariant> Variants(SKBitmap image, IReadOnlyList<int> widths)
    {
        var fitting = widths.Where(w => w <= image.Width).ToList();
        if (fitting.Count == 0) fitting.Add(image.Width);
        var variants = new List<ImageVariant>(fitting.Count * 2);
        foreach (var width in fitting)
        {
            var height = Math.Max(1, (int)Math.Round(image.Height * (width / (double)image.Width)));
            using var sized = width == image.Width ? image.Copy() : image.Resize(
                new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul, SKColorSpace.CreateSrgb()),
                new SKSamplingOptions(SKCubicResampler.Mitchell));
            using var encodable = SKImage.FromBitmap(sized);
            variants.Add(new ImageVariant($"w{width}.webp", width, height, "image/webp", Encode(encodable, SKEncodedImageFormat.Webp, WebpQuality)));
            variants.Add(new ImageVariant($"w{width}.jpg", width, height, "image/jpeg", Encode(encodable, SKEncodedImageFormat.Jpeg, JpegQuality)));
        }
        return variants;
    }

    /// <summary>The lossless form stages hand each other (the decoded and the blurred image).</summary>
    public static byte[] Png(SKBitmap image)
    {
        using var encodable = SKImage.FromBitmap(image);
        return Encode(encodable, SKEncodedImageFormat.Png, 100);
    }

    private static byte[] Encode(SKImage image, SKEncodedImageFormat format, int quality)
    {
        using var data = image.Encode(format, quality) ?? throw new InvalidOperationException($"could not encode {format}");
        return data.ToArray();
    }
}
