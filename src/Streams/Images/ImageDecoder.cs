using SkiaSharp;

namespace MediaPlatform.Streams.Images;

/// <summary>
/// The decode &amp; validate stage: reads the header first (format, frame count, dimensions) and refuses before
/// decoding anything too large, animated, or not JPEG/PNG/WebP (whatever the file is named); then decodes to an
/// upright (EXIF orientation applied), sRGB, 8-bit RGBA bitmap, so every later stage sees one pixel format
/// (CMYK JPEGs, 16-bit PNGs and wide-gamut profiles are converted here). Truncated data is refused, not half-shown.
/// </summary>
public static class ImageDecoder
{
    /// <summary>
    /// The header checks alone (nothing decoded): null when the file may be decoded, else why not. Cheap enough for
    /// an upload route to refuse at once; truncated pixel data is only found by decoding.
    /// </summary>
    public static string? Inspect(ReadOnlySpan<byte> bytes, ImageLimits limits)
    {
        if (bytes.Length == 0) return "the file is empty";
        if (LooksLikeSvg(bytes)) return SvgRefusal;
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        return HeaderProblem(codec, limits, out _);
    }

    public static DecodeOutcome Decode(ReadOnlySpan<byte> bytes, ImageLimits limits)
    {
        if (bytes.Length == 0) return Refuse("the file is empty");
        if (LooksLikeSvg(bytes)) return Refuse(SvgRefusal);
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        if (HeaderProblem(codec, limits, out var format) is { } problem) return Refuse(problem);
        var (width, height) = (codec!.Info.Width, codec.Info.Height);
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul, SKColorSpace.CreateSrgb());
        var decoded = new SKBitmap(info);
        var result = codec.GetPixels(info, decoded.GetPixels());
        if (result != SKCodecResult.Success)
        {
            decoded.Dispose();
            return Refuse(result == SKCodecResult.IncompleteInput
                ? "the image data is truncated"
                : $"the image could not be decoded ({result})");
        }
        var upright = Orient(decoded, codec.EncodedOrigin);
        return new DecodeOutcome.Decoded(upright, format!, upright.Width, upright.Height);
    }

    private const string SvgRefusal = "SVG images are not accepted (only JPEG, PNG and WebP)";

    private static string? HeaderProblem(SKCodec? codec, ImageLimits limits, out string? format)
    {
        format = null;
        if (codec is null) return "not a JPEG, PNG or WebP image (the data is not a readable image)";
        format = codec.EncodedFormat switch
        {
            SKEncodedImageFormat.Jpeg => "jpeg",
            SKEncodedImageFormat.Png => "png",
            SKEncodedImageFormat.Webp => "webp",
            _ => null,
        };
        // The content decides, never the file name: a GIF named .jpg is still a GIF.
        if (format is null) return $"{codec.EncodedFormat.ToString().ToUpperInvariant()} images are not accepted (only JPEG, PNG and WebP)";
        if (codec.FrameCount > 1) return $"animated images are not accepted ({codec.FrameCount} frames)";
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width <= 0 || height <= 0) return "the image has no pixels";
        if (width > limits.MaxSide || height > limits.MaxSide || (long)width * height > limits.MaxPixels)
            return $"the image is {width}x{height} pixels; at most {limits.MaxPixels} pixels and {limits.MaxSide} per side are accepted";
        return null;
    }

    /// <summary>Draws the pixels the way the EXIF orientation says the camera was held; the input is disposed.</summary>
    private static SKBitmap Orient(SKBitmap bitmap, SKEncodedOrigin origin)
    {
        if (origin is SKEncodedOrigin.TopLeft or SKEncodedOrigin.Default) return bitmap;
        var swaps = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var (w, h) = swaps ? (bitmap.Height, bitmap.Width) : (bitmap.Width, bitmap.Height);
        var upright = new SKBitmap(new SKImageInfo(w, h, bitmap.ColorType, bitmap.AlphaType, bitmap.ColorSpace));
        using (var canvas = new SKCanvas(upright))
        {
            canvas.SetMatrix(OriginMatrix(origin, bitmap.Width, bitmap.Height));
            using var image = SKImage.FromBitmap(bitmap);
            canvas.DrawImage(image, 0, 0, SKSamplingOptions.Default);
        }
        bitmap.Dispose();
        return upright;
    }

    /// <summary>The transform from stored pixels to upright ones for each EXIF orientation (w, h: stored size).</summary>
    private static SKMatrix OriginMatrix(SKEncodedOrigin origin, int w, int h) => origin switch
    {
        SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
        SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
        SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
        _ => SKMatrix.Identity,
    };

    /// <summary>SVG is XML text: refuse anything that starts (after a BOM and white space) with '&lt;'.</summary>
    private static bool LooksLikeSvg(ReadOnlySpan<byte> bytes)
    {
        var head = bytes[..Math.Min(bytes.Length, 512)];
        if (head.StartsWith("\uFEFF"u8)) head = head[3..];
        var text = System.Text.Encoding.ASCII.GetString(head).TrimStart();
        return text.StartsWith('<') || text.Contains("<svg", StringComparison.OrdinalIgnoreCase);
    }

    private static DecodeOutcome Refuse(string reason) => new DecodeOutcome.Refused(reason);
}
