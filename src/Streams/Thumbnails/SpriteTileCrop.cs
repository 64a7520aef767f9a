using SkiaSharp;

namespace MediaPlatform.Streams.Thumbnails;

/// <summary>
/// Cuts one thumbnail out of its sprite sheet as a PNG: how a published title's sampled frames become images of their
/// own without decoding the video again.
/// </summary>
public static class SpriteTileCrop
{
    /// <returns>The tile's pixels as PNG, or null when the sheet cannot be decoded or does not hold the tile's rectangle.</returns>
    public static byte[]? Png(SKBitmap sheet, SpriteTile tile)
    {
        if (tile.X + tile.Width > sheet.Width || tile.Y + tile.Height > sheet.Height) return null;
        using var cropped = new SKBitmap();
        if (!sheet.ExtractSubset(cropped, new SKRectI(tile.X, tile.Y, tile.X + tile.Width, tile.Y + tile.Height))) return null;
        using var image = SKImage.FromBitmap(cropped);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data?.ToArray();
    }
}
