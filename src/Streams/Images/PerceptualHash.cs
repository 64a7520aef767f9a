using System.Numerics;
using SkiaSharp;

namespace MediaPlatform.Streams.Images;

/// <summary>
/// dHash: the image shrunk to 9x8 grey pixels, one bit per pair of horizontal neighbours (is the left one brighter).
/// Survives resizing, re-encoding and small colour changes; near duplicates differ in a few of the 64 bits.
/// </summary>
public static class PerceptualHash
{
    /// <summary>At most this many differing bits counts as a near duplicate.</summary>
    public const int NearDuplicateDistance = 10;

    public static ulong Of(SKBitmap image)
    {
        // Shrunk in two steps (to 72x64, then 8x8 block means) so the 9x8 grid is an area average: one resampling
        // straight to 9x8 aliases, and the same picture at two sizes would hash further apart.
        using var small = image.Resize(new SKImageInfo(72, 64, SKColorType.Rgba8888, SKAlphaType.Premul), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        var grid = new double[8, 9];
        for (var y = 0; y < 64; y++)
            for (var x = 0; x < 72; x++)
                grid[y / 8, x / 8] += Luma(small.GetPixel(x, y));
        ulong hash = 0;
        var bit = 0;
        for (var y = 0; y < 8; y++)
            for (var x = 0; x < 8; x++, bit++)
                if (grid[y, x] > grid[y, x + 1]) hash |= 1UL << bit;
        return hash;
    }

    public static int Distance(ulong a, ulong b) => BitOperations.PopCount(a ^ b);

    internal static double Luma(SKColor c) => (0.2126 * c.Red + 0.7152 * c.Green + 0.0722 * c.Blue) / 255.0;
}
