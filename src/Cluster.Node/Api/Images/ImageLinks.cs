using MediaPlatform.Actors.Images;

namespace MediaPlatform.Node.Api.Images;

/// <summary>A served variant's name and URL.</summary>
public sealed record ImageVariantLink(string Name, string Url);

/// <summary>The URLs of an image a title or user shows (their artwork or avatar), for their API responses.</summary>
public static class ImageLinks
{
    /// <summary>The width a title card or a header shows: the variant at least this wide, else the widest.</summary>
    private const int CardWidth = 320;

    public static IReadOnlyList<ImageVariantLink>? Variants(StoredImageRef? image) =>
        image?.Variants.Select(name => new ImageVariantLink(name, ImageRoutes.VariantPath(image.ImageId, name))).ToList();

    /// <summary>One JPEG (every browser shows it) about a card's width; null when there is no image.</summary>
    public static string? Card(StoredImageRef? image)
    {
        if (image is null) return null;
        var jpegs = image.Variants.Where(n => n.EndsWith(".jpg", StringComparison.Ordinal))
            .Select(n => (Name: n, Width: int.TryParse(n.AsSpan(1, n.IndexOf('.') - 1), out var w) ? w : 0)).OrderBy(v => v.Width).ToList();
        if (jpegs.Count == 0) return null;
        return ImageRoutes.VariantPath(image.ImageId, jpegs.FirstOrDefault(v => v.Width >= CardWidth, jpegs[^1]).Name);
    }
}
