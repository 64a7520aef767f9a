namespace MediaPlatform.Actors.Images;

/// <summary>
/// A complete image a title (artwork) or a user (avatar) shows, as their entity stores it: the image, the names of its
/// served variants (w320.webp …) and when it was uploaded — a newer upload wins whichever image completes last.
/// </summary>
public sealed record StoredImageRef(string ImageId, IReadOnlyList<string> Variants, DateTimeOffset SubmittedAt)
{
    /// <summary>Whether this image should replace <paramref name="current"/>: it is a different, later upload.</summary>
    public bool Replaces(StoredImageRef? current) =>
        current is null || current.ImageId != ImageId && SubmittedAt > current.SubmittedAt;
}
