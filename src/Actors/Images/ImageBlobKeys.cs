using MediaPlatform.Actors.Storage;

namespace MediaPlatform.Actors.Images;

/// <summary>Where an image's files go, built from the id the platform generated, never from a request.</summary>
public static class ImageBlobKeys
{
    /// <summary>The upload as it came.</summary>
    public static string Source(string imageId) => BlobKey.Join("images", imageId, "source");

    /// <summary>The decoded, upright, sRGB image (PNG) the later stages read.</summary>
    public static string Normalised(string imageId) => BlobKey.Join("images", imageId, "normalised.png");

    /// <summary>The normalised image with its faces blurred (PNG); resize reads it when blurring is on.</summary>
    public static string Blurred(string imageId) => BlobKey.Join("images", imageId, "blurred.png");

    public static string Variant(string imageId, string name) => BlobKey.Join("images", imageId, "variants", name);
}
