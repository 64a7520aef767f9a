namespace MediaPlatform.Actors.Images;

/// <summary>
/// The stages every image goes through, each its own sharded work queue. Order: decode first; detect and tag in
/// parallel after it; blur after detect; resize after blur (<see cref="ImageStages.Prerequisite"/>).
/// </summary>
public enum ImageStage
{
    Decode,
    Detect,
    Tag,
    Blur,
    Resize,
}

public static class ImageStages
{
    public static readonly IReadOnlyList<ImageStage> All = Enum.GetValues<ImageStage>();

    /// <summary>The stage that must be done (succeeded or skipped) before this one runs; null for decode.</summary>
    public static ImageStage? Prerequisite(ImageStage stage) => stage switch
    {
        ImageStage.Decode => null,
        ImageStage.Detect or ImageStage.Tag => ImageStage.Decode,
        ImageStage.Blur => ImageStage.Detect,
        ImageStage.Resize => ImageStage.Blur,
        _ => throw new ArgumentOutOfRangeException(nameof(stage)),
    };

    /// <summary>The name used in URLs, settings, region names and JSON: "decode", "detect" …</summary>
    public static string Name(this ImageStage stage) => stage.ToString().ToLowerInvariant();
}
