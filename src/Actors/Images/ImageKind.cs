namespace MediaPlatform.Actors.Images;

/// <summary>What an image is for: a title's artwork or a user's avatar (the subject is the title or the user).</summary>
public enum ImageKind
{
    Artwork,
    Avatar,
}
