namespace MediaPlatform.Streams.Thumbnails;

/// <summary>
/// How a title's frames are sampled and thumbnailed: a frame every <see cref="Interval"/> (shorter titles: at least
/// <see cref="MinFrames"/>), plus up to <see cref="MaxSceneFrames"/> scene changes (frames whose luma differs from the
/// frame before by more than <see cref="SceneThreshold"/>, 0–1), each <see cref="ThumbWidth"/> pixels wide on sprite
/// sheets of at most <see cref="SheetColumns"/> × <see cref="SheetRows"/>; the poster at most <see cref="PosterMaxWidth"/> wide.
/// </summary>
public sealed record ThumbnailOptions(
    TimeSpan Interval,
    int MinFrames = 4,
    int MaxSceneFrames = 20,
    double SceneThreshold = 0.25,
    int ThumbWidth = 160,
    int SheetColumns = 10,
    int SheetRows = 10,
    int PosterMaxWidth = 1280)
{
    public static ThumbnailOptions Default { get; } = new(TimeSpan.FromSeconds(10));

    /// <summary>Mean luma (0–255) a poster candidate needs: darker frames are the black openings and fades to skip.</summary>
    public const double PosterLumaFloor = 40;

    /// <summary>The spacing of samples for a title this long: the interval, or closer for a title too short for <see cref="MinFrames"/>.</summary>
    public TimeSpan SpacingFor(TimeSpan duration) =>
        duration > TimeSpan.Zero && duration / MinFrames < Interval ? duration / MinFrames : Interval;

    /// <summary>The thumbnail's height for a picture of this size: its aspect kept, rounded to even pixels.</summary>
    public int ThumbHeightFor(int width, int height) =>
        Math.Max(2, (int)Math.Round((double)ThumbWidth * height / Math.Max(1, width) / 2) * 2);
}
