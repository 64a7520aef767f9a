
namespace MediaPlatform.Streams.Quality.Video;

/// <summary>
/// Quality control of one media file: black, frozen and silent stretches and stuck pixels, from one probe and one
/// decoding pass. Cancelling kills ffmpeg; an ffmpeg failure throws <see cref="FfmpegException"/>.
/// </summary>
public static class VideoQualityCheck
{
    public static async Task<QcReport> RunAsync(string path, QcThresholds thresholds, CancellationToken cancellationToken = default)
    {
        var probe = await QcStreamFacts.RunAsync(path, cancellationToken).ConfigureAwait(false);
        var findings = new List<QcFinding>();
        if (!probe.HasVideo)
            findings.Add(new QcFinding(QcChecks.NoVideo, QcSeverity.Error, "the file has no video stream"));
        if (!probe.HasAudio)
            findings.Add(new QcFinding(QcChecks.NoAudio, QcSeverity.Info, "the file has no audio stream"));
        if (!probe.HasVideo && !probe.HasAudio) return QcReport.From(findings, thresholds);

        var (spans, pixels) = await VideoAnalysisPass.RunAsync(path, probe, thresholds, cancellationToken).ConfigureAwait(false);
        findings.AddRange(VideoFindings.FromSpans(spans, probe.Duration, thresholds));
        if (pixels is not null && pixels.Frames >= MinSampledFrames)
            findings.AddRange(VideoFindings.FromPixels(pixels.Find(thresholds.StuckPixelFrameFraction, thresholds.StuckPixelMinNeighbourChange), pixels.Frames, thresholds));
        return QcReport.From(findings, thresholds);
    }

    /// <summary>Fewer frames than this say too little about a pixel to call it stuck.</summary>
    private const int MinSampledFrames = 5;
}
