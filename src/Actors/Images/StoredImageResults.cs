namespace MediaPlatform.Actors.Images;

/// <summary>A detected face's rectangle in the upright image, as stored.</summary>
public sealed record StoredFace(int X, int Y, int Width, int Height);

/// <summary>One served encoding of an image, as stored: its blob holds the bytes.</summary>
public sealed record StoredImageVariant(string Name, int Width, int Height, string ContentType, long Bytes);

/// <summary>What the tag stage found, as stored; the hash is 16 hex digits.</summary>
public sealed record StoredImageTags(
    IReadOnlyList<string> DominantColours,
    string Brightness,
    string Contrast,
    double EdgeDensity,
    bool MostlyText,
    string Hash);

/// <summary>
/// What one stage reported; only the stage's own fields are set (decode: size and format; detect: faces; blur: how
/// many faces it blurred; resize: variants; tag: tags).
/// </summary>
public sealed record ImageStageResult(
    int? Width = null,
    int? Height = null,
    string? Format = null,
    IReadOnlyList<StoredFace>? Faces = null,
    int? BlurredFaces = null,
    IReadOnlyList<StoredImageVariant>? Variants = null,
    StoredImageTags? Tags = null);
