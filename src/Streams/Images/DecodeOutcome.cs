using SkiaSharp;

namespace MediaPlatform.Streams.Images;

/// <summary>What decoding an upload gave: an upright sRGB 8-bit bitmap, or the reason it was refused.</summary>
public abstract record DecodeOutcome
{
    /// <summary>The pixels upright (EXIF orientation applied), sRGB, 8 bits per channel; the caller disposes them.</summary>
    public sealed record Decoded(SKBitmap Bitmap, string Format, int Width, int Height) : DecodeOutcome;

    public sealed record Refused(string Reason) : DecodeOutcome;
}
