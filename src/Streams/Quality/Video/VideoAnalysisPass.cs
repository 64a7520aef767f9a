using System.Globalization;
using MediaPlatform.Streams.Encoding;
using MediaPlatform.Streams.Quality.Pixels;

namespace MediaPlatform.Streams.Quality.Video;

/// <summary>
/// One ffmpeg run that decodes the file once: blackdetect + freezedetect on the video and silencedetect on the audio log
/// to stderr, while a split of the video, thinned to a few evenly spread frames and turned 8-bit gray, goes to stdout
/// for the stuck-pixel count.
/// </summary>
internal static class VideoAnalysisPass
{
    public static IReadOnlyList<string> Arguments(string path, QcStreamFacts probe, QcThresholds t)
    {
        var sampling = probe.HasVideo && t.StuckPixelSampleFrames > 0;
        var graph = new List<string>();
        if (probe.HasVideo)
        {
            var detect = $"[0:v:0]blackdetect=d={Num(t.BlackDetectMinSeconds)}:pix_th={Num(t.BlackDetectPixelThreshold)}," +
                         $"freezedetect=n={Num(t.FreezeDetectNoiseDb)}dB:d={Num(t.FreezeDetectMinSeconds)}";
            graph.Add(sampling
                ? detect + $",split=2[qc][px];[px]fps={Num(SampleRate(probe.Duration, t.StuckPixelSampleFrames))},format=gray[gray]"
                : detect + "[qc]");
        }
        if (probe.HasAudio)
            graph.Add($"[0:a:0]silencedetect=n={Num(t.SilenceDetectNoiseDb)}dB:d={Num(t.SilenceDetectMinSeconds)}[silence]");

        var args = new List<string> { "-hide_banner", "-nostdin", "-nostats", "-loglevel", "info", "-i", path,
            "-filter_complex", string.Join(';', graph) };
        if (probe.HasVideo) args.AddRange(["-map", "[qc]"]);
        if (probe.HasAudio) args.AddRange(["-map", "[silence]"]);
        args.AddRange(["-f", "null", "-"]);
        if (sampling) args.AddRange(["-map", "[gray]", "-f", "rawvideo", "-pix_fmt", "gray", "pipe:1"]);
        return args;
    }

    public static async Task<(DetectedSpans Spans, StuckPixelDetector? Pixels)> RunAsync(string path, QcStreamFacts probe,
        QcThresholds thresholds, CancellationToken cancellationToken)
    {
        var parser = new DetectorLogParser();
        var pixels = probe.HasVideo && thresholds.StuckPixelSampleFrames > 0 && probe.Width >= 3 && probe.Height >= 3
            ? new StuckPixelDetector(probe.Width, probe.Height, thresholds.StuckPixelOutlierLevels)
            : null;
        var args = pixels is null ? Arguments(path, probe, thresholds with { StuckPixelSampleFrames = 0 }) : Arguments(path, probe, thresholds);
        // The fps filter can round up by a frame or two at the end; anything beyond that is drained unread.
        var maxFrames = thresholds.StuckPixelSampleFrames + 2;
        await FfmpegRunner.Shared.RunRawAsync("ffmpeg", args, parser.Accept,
            pixels is null ? null : (stdout, ct) => GrayFrameReader.FeedAsync(stdout, pixels, maxFrames, ct),
            cancellationToken).ConfigureAwait(false);
        return (parser.Finish(probe.Duration, TimeSpan.FromSeconds(thresholds.FreezeDetectMinSeconds)), pixels);
    }

    private static double SampleRate(TimeSpan duration, int frames) =>
        duration > TimeSpan.Zero ? frames / duration.TotalSeconds : 1;

    private static string Num(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
