using System.Globalization;
using MediaPlatform.Streams.Encoding;
using MediaPlatform.Streams.Quality.Video;

namespace MediaPlatform.Streams.Quality.Audio;

/// <summary>
/// Silent stretches of a file's first audio stream, from one audio-only ffmpeg pass (no video is decoded): run on a
/// title's audio track, which is encoded once and lined up with the video, so its times are the title's.
/// </summary>
public static class SilenceCheck
{
    public static async Task<IReadOnlyList<QcFinding>> RunAsync(string path, TimeSpan duration, QcThresholds t, FfmpegRunner? runner = null,
        CancellationToken cancellationToken = default)
    {
        var parser = new DetectorLogParser();
        await (runner ?? FfmpegRunner.Shared).RunRawAsync("ffmpeg", Arguments(path, t), parser.Accept, null, cancellationToken).ConfigureAwait(false);
        var silent = parser.Finish(duration, TimeSpan.Zero).Silent;
        return VideoFindings.FromSpans(new DetectedSpans([], [], silent), duration, t).ToList();
    }

    public static IReadOnlyList<string> Arguments(string path, QcThresholds t) =>
    [
        "-hide_banner", "-nostdin", "-nostats", "-loglevel", "info", "-i", path,
        "-map", "0:a:0", "-vn", "-sn", "-dn",
        "-af", $"silencedetect=n={Num(t.SilenceDetectNoiseDb)}dB:d={Num(t.SilenceDetectMinSeconds)}",
        "-f", "null", "-",
    ];

    private static string Num(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
