using MediaPlatform.Testing.Images;
using SkiaSharp;

namespace MediaPlatform.Bench.Images;

/// <summary>The uploads: the astronaut portrait (a face) alternating with 1280x720 generated JPEGs (none).</summary>
public static class BenchImages
{
    public static IReadOnlyList<byte[]> Make(int count)
    {
        var portrait = TestImages.Astronaut();
        return Enumerable.Range(0, count).Select(i => i % 2 == 0 ? portrait : TestImages.PatternJpeg(1280, 720, seed: i)).ToList();
    }

    public static string Describe() => "astronaut 512x512 JPEG and 1280x720 generated JPEGs, alternating";
}
