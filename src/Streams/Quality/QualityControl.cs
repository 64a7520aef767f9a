using MediaPlatform.Streams.Quality.Subtitles;
using MediaPlatform.Streams.Quality.Video;

namespace MediaPlatform.Streams.Quality;

/// <summary>Quality control of a whole request: the media file and every subtitle file, in one report.</summary>
public static class QualityControl
{
    public static async Task<QcReport> RunAsync(QcRequest request, CancellationToken cancellationToken = default)
    {
        var thresholds = request.Thresholds ?? QcThresholds.Default;
        var report = await VideoQualityCheck.RunAsync(request.MediaPath, thresholds, cancellationToken).ConfigureAwait(false);
        foreach (var subtitle in request.Subtitles)
        {
            var subtitleReport = await SubtitleQualityCheck.RunAsync(subtitle, thresholds, cancellationToken).ConfigureAwait(false);
            report = report.Add(subtitleReport.Findings, thresholds);
        }
        return report;
    }
}
