namespace MediaPlatform.Streams.Images;

/// <summary>
/// What the decoder accepts: at most <see cref="MaxPixels"/> decoded pixels (checked from the header, before any
/// pixel is decoded, so a small file declaring huge dimensions never allocates them) and sides of at most
/// <see cref="MaxSide"/> pixels.
/// </summary>
public sealed record ImageLimits(long MaxPixels, int MaxSide)
{
    /// <summary>40 megapixels (about 160 MB decoded), sides up to 16384.</summary>
    public static readonly ImageLimits Default = new(40_000_000, 16_384);
}
