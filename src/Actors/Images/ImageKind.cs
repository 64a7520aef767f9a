namespace MediaPlatform.Actors.Images;

/// <summary>
/// What an image is for: a title's artwork, a user's avatar, or a frame sampled from a published title (the subject is
/// the title or the user).
/// </summary>
public enum ImageKind
{
    Artwork,
    Avatar,
    Frame,
}
