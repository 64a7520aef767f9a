using System.Globalization;
using MediaPlatform.Streams.Quality.Pixels;

namespace MediaPlatform.Streams.Quality.Video;

/// <summary>Turns detected spans and stuck pixels into findings, with severities from the thresholds.</summary>
public static class VideoFindings
{
    public static IEnumerable<QcFinding> FromSpans(DetectedSpans spans, TimeSpan duration, QcThresholds t)
    {
        foreach (var black in spans.Black)
            yield return Span(QcChecks.Black, "black picture", black, t.BlackWarningAfter);

        var blackTotal = spans.Black.Aggregate(TimeSpan.Zero, (sum, r) => sum + r.Duration);
        if (duration > TimeSpan.Zero && blackTotal.TotalSeconds / duration.TotalSeconds > t.BlackErrorFraction)
        {
            var share = blackTotal.TotalSeconds / duration.TotalSeconds;
            var message = share >= 0.97
                ? $"the video is entirely black ({S(blackTotal)} of {S(duration)})"
                : $"black for {S(blackTotal)} of {S(duration)} ({share:P0}), more than the allowed {t.BlackErrorFraction:P0}";
            yield return new QcFinding(QcChecks.Black, QcSeverity.Error, message, TimeSpan.Zero, duration);
        }

        foreach (var frozen in spans.Frozen)
            yield return Span(QcChecks.Freeze, "frozen picture", frozen, t.FreezeWarningAfter);
        foreach (var silent in spans.Silent)
            yield return Span(QcChecks.Silence, "silence", silent, t.SilenceWarningAfter);
    }

    public static IEnumerable<QcFinding> FromPixels(IReadOnlyList<StuckPixel> pixels, int frames, QcThresholds t)
    {
        if (pixels.Count > t.StuckPixelMaxReported)
        {
            yield return ManyStuckPixels(pixels.Count, pixels[0], frames, t);
            yield break;
        }
        foreach (var p in pixels)
        {
            var kind = p.Kind == StuckPixelKind.Bright ? "stuck bright" : "dead (stuck dark)";
            yield return new QcFinding(QcChecks.StuckPixel, t.StuckPixelSeverity,
                $"pixel ({p.X}, {p.Y}) is {kind}: an outlier in {p.Share:P0} of {frames} sampled frames", X: p.X, Y: p.Y);
        }
    }

    /// <summary>So many at once is a static pattern in the picture (text, a logo), or a badly broken sensor: one finding.</summary>
    public static QcFinding ManyStuckPixels(int count, StuckPixel first, int frames, QcThresholds t) =>
        new(QcChecks.StuckPixel, t.StuckPixelSeverity,
            $"{count} pixels differ from their neighbours in nearly all {frames} sampled frames (static detail or a damaged source); first at ({first.X}, {first.Y})",
            X: first.X, Y: first.Y);

    private static QcFinding Span(string check, string what, TimeRange range, TimeSpan warnAfter)
    {
        var severity = range.Duration >= warnAfter ? QcSeverity.Warning : QcSeverity.Info;
        return new QcFinding(check, severity, $"{what} from {S(range.Start)} to {S(range.End)} ({S(range.Duration)})",
            range.Start, range.End);
    }

    private static string S(TimeSpan t) => t.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";
}
