namespace MediaPlatform.Streams.Quality;

/// <summary>
/// What the checks look for and how severe each finding is. Detector settings (the *Detect* knobs) decide what ffmpeg
/// reports at all; spans shorter than the warning length are kept as Info so operators still see them.
/// </summary>
public sealed record QcThresholds
{
    /// <summary>Findings at or above this severity block publishing; null: nothing blocks.</summary>
    public QcSeverity? BlockPublishingAt { get; init; } = QcSeverity.Error;

    public TimeSpan BlackWarningAfter { get; init; } = TimeSpan.FromSeconds(2);
    /// <summary>Black covering more than this share of the video (a fully black video included) is an error.</summary>
    public double BlackErrorFraction { get; init; } = 0.5;
    public double BlackDetectMinSeconds { get; init; } = 0.5;
    public double BlackDetectPixelThreshold { get; init; } = 0.10;

    public TimeSpan FreezeWarningAfter { get; init; } = TimeSpan.FromSeconds(2);
    public double FreezeDetectMinSeconds { get; init; } = 1;
    /// <summary>
    /// -55 dB rather than the often quoted -60: an encoder keeps refining a still picture until the next keyframe, and
    /// at -60 dB an x264 freeze was found only from that keyframe (1 s late); moving content stays far above either.
    /// </summary>
    public double FreezeDetectNoiseDb { get; init; } = -55;

    public TimeSpan SilenceWarningAfter { get; init; } = TimeSpan.FromSeconds(3);
    public double SilenceDetectMinSeconds { get; init; } = 1;
    public double SilenceDetectNoiseDb { get; init; } = -50;

    public QcSeverity StuckPixelSeverity { get; init; } = QcSeverity.Warning;
    /// <summary>Frames sampled evenly over the video for the stuck-pixel check; 0 turns the check off.</summary>
    public int StuckPixelSampleFrames { get; init; } = 30;
    /// <summary>Gray levels (0-255) a pixel must differ from the median of its 8 neighbours to count as an outlier.</summary>
    public int StuckPixelOutlierLevels { get; init; } = 40;
    /// <summary>Share of sampled frames a pixel must be an outlier in (same direction) to be reported.</summary>
    public double StuckPixelFrameFraction { get; init; } = 0.8;
    /// <summary>
    /// Average gray-level change between samples each of a pixel's neighbours must show for it to be judged: over a still
    /// neighbourhood a defect and static picture detail look the same.
    /// </summary>
    public double StuckPixelMinNeighbourChange { get; init; } = 4;
    /// <summary>More reported pixels than this means the content itself is the cause (static text, a pattern): report a summary.</summary>
    public int StuckPixelMaxReported { get; init; } = 20;

    public TimedTextRules Subtitles { get; init; } = TimedTextRules.Default;

    public static QcThresholds Default { get; } = new();
}
