using MediaPlatform.Streams.Quality;

namespace MediaPlatform.Actors.Work;

/// <summary>
/// What the worker's picture check of a chunk looks for (inside <see cref="ChunkEncodePayload"/>, so stored): the
/// detectors' settings from the title pipeline's thresholds, and how many frames of this chunk the stuck-pixel check
/// samples (0: none). The title's own thresholds (lengths, shares, severities) apply later, when the chunks are joined.
/// </summary>
public sealed record StoredChunkQcSettings(
    double BlackPixelThreshold,
    double FreezeNoiseDb,
    int StuckPixelFrames,
    int StuckPixelOutlierLevels,
    double StuckPixelFrameFraction,
    double StuckPixelMinNeighbourChange)
{
    public static StoredChunkQcSettings From(QcThresholds t, int stuckPixelFrames) => new(t.BlackDetectPixelThreshold, t.FreezeDetectNoiseDb,
        stuckPixelFrames, t.StuckPixelOutlierLevels, t.StuckPixelFrameFraction, t.StuckPixelMinNeighbourChange);

    public QcThresholds ToThresholds() => QcThresholds.Default with
    {
        BlackDetectPixelThreshold = BlackPixelThreshold,
        FreezeDetectNoiseDb = FreezeNoiseDb,
        StuckPixelSampleFrames = StuckPixelFrames,
        StuckPixelOutlierLevels = StuckPixelOutlierLevels,
        StuckPixelFrameFraction = StuckPixelFrameFraction,
        StuckPixelMinNeighbourChange = StuckPixelMinNeighbourChange,
    };
}
