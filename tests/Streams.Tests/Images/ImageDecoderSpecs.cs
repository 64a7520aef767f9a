using MediaPlatform.Streams.Images;
using MediaPlatform.Testing.Images;
using SkiaSharp;

namespace MediaPlatform.Streams.Tests.Images;

public sealed class ImageDecoderSpecs
{
    [Fact]
    public void A_jpeg_png_and_webp_decode_to_upright_srgb_8_bit_pixels()
    {
        using var pattern = TestImages.Pattern(300, 200);
        foreach (var (format, name) in new[] { (SKEncodedImageFormat.Jpeg, "jpeg"), (SKEncodedImageFormat.Png, "png"), (SKEncodedImageFormat.Webp, "webp") })
        {
            var decoded = Assert.IsType<DecodeOutcome.Decoded>(ImageDecoder.Decode(TestImages.Encode(pattern, format), ImageLimits.Default));
            using var bitmap = decoded.Bitmap;
            Assert.Equal((name, 300, 200), (decoded.Format, decoded.Width, decoded.Height));
            Assert.Equal(SKColorType.Rgba8888, bitmap.ColorType);
            Assert.True(bitmap.ColorSpace?.IsSrgb ?? false);
        }
    }

    [Fact]
    public void An_exif_rotated_photo_is_turned_upright()
    {
        var sideways = BadImages.WithExifOrientation(TestImages.PatternJpeg(300, 200), orientation: 6);

        var decoded = Assert.IsType<DecodeOutcome.Decoded>(ImageDecoder.Decode(sideways, ImageLimits.Default));
        decoded.Bitmap.Dispose();

        Assert.Equal((200, 300), (decoded.Width, decoded.Height));
    }

    [Fact]
    public void A_16_bit_png_is_decoded_to_8_bits_per_channel()
    {
        using var pattern = TestImages.Pattern(64, 48);
        using var deep = new SKBitmap(new SKImageInfo(64, 48, SKColorType.Rgba16161616, SKAlphaType.Premul));
        Assert.True(pattern.CopyTo(deep, SKColorType.Rgba16161616));
        var png = TestImages.Encode(deep, SKEncodedImageFormat.Png);
        Assert.Equal(16, png[24]); // IHDR bit depth: the file really is 16-bit

        var decoded = Assert.IsType<DecodeOutcome.Decoded>(ImageDecoder.Decode(png, ImageLimits.Default));
        using var bitmap = decoded.Bitmap;

        Assert.Equal(SKColorType.Rgba8888, bitmap.ColorType);
        var expected = pattern.GetPixel(10, 10);
        var actual = bitmap.GetPixel(10, 10);
        Assert.InRange(Math.Abs(expected.Red - actual.Red), 0, 2);
    }

    [Fact]
    public void A_cmyk_jpeg_is_converted_to_srgb_with_its_colours_kept()
    {
        var decoded = Assert.IsType<DecodeOutcome.Decoded>(ImageDecoder.Decode(TestImages.CmykJpeg(), ImageLimits.Default));
        using var bitmap = decoded.Bitmap;

        Assert.Equal(("jpeg", 32, 16, SKColorType.Rgba8888), (decoded.Format, decoded.Width, decoded.Height, bitmap.ColorType));
        AssertNear(new SKColor(220, 30, 30), bitmap.GetPixel(4, 8));
        AssertNear(new SKColor(30, 60, 200), bitmap.GetPixel(27, 8));
    }

    [Fact]
    public async Task An_animated_webp_is_refused_with_its_frame_count()
    {
        var animated = await BadImages.AnimatedWebpAsync();
        Assert.Equal("WEBP", System.Text.Encoding.ASCII.GetString(animated, 8, 4));

        AssertRefused(animated, "animated images are not accepted (3 frames)");
        Assert.Contains("animated", ImageDecoder.Inspect(animated, ImageLimits.Default));
    }

    /// <summary>Within a JPEG's and a CMYK round trip's error of the colour.</summary>
    private static void AssertNear(SKColor expected, SKColor actual) =>
        Assert.True(Math.Abs(expected.Red - actual.Red) <= 24 && Math.Abs(expected.Green - actual.Green) <= 24 && Math.Abs(expected.Blue - actual.Blue) <= 24,
            $"expected about {expected}, decoded {actual}");

    [Fact]
    public void Zero_bytes_are_refused_as_empty() => AssertRefused([], "empty");

    [Fact]
    public void A_truncated_jpeg_is_refused_as_truncated()
    {
        var jpeg = TestImages.Astronaut();
        AssertRefused(jpeg[..(jpeg.Length / 2)], "truncated");
    }

    [Fact]
    public void A_png_bomb_is_refused_from_its_header_before_decoding()
    {
        var bomb = BadImages.PngBomb(20_000); // 400 megapixels in a small file
        Assert.True(bomb.Length < 200_000, $"the bomb is {bomb.Length} bytes");
        var before = GC.GetTotalAllocatedBytes(precise: true);

        AssertRefused(bomb, "20000x20000");

        // 400 MP decoded would be 1.6 GB; refusing from the header allocates about the file's size.
        Assert.True(GC.GetTotalAllocatedBytes(precise: true) - before < 50_000_000);
    }

    [Fact]
    public void A_gif_is_refused_whatever_it_is_named() => AssertRefused(BadImages.Gif(), "GIF images are not accepted");

    [Fact]
    public void An_animated_gif_is_refused() => AssertRefused(BadImages.Gif(frames: 3), "not accepted");

    [Fact]
    public void An_svg_is_refused() => AssertRefused(BadImages.Svg(), "SVG");

    [Fact]
    public void Random_bytes_are_refused_as_not_an_image() => AssertRefused(Enumerable.Range(0, 1000).Select(i => (byte)(i * 7919)).ToArray(), "not a JPEG, PNG or WebP");

    private static void AssertRefused(byte[] bytes, string reasonPart)
    {
        var refused = Assert.IsType<DecodeOutcome.Refused>(ImageDecoder.Decode(bytes, ImageLimits.Default));
        Assert.Contains(reasonPart, refused.Reason);
    }
}
