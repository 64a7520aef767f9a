using System.Globalization;
using System.Text;
using System.Text.Json;
using MediaPlatform.Streams.Encoding;

namespace MediaPlatform.Streams.Quality.Video;

/// <summary>
/// The few facts QC needs about an encoded output (one raw ffprobe call): its length, whether it has video/audio, and the
/// picture size. Not <see cref="MediaPlatform.Streams.Probing.SourceProber"/>, which probes and validates an uploaded source.
/// </summary>
internal sealed record QcStreamFacts(TimeSpan Duration, bool HasVideo, bool HasAudio, int Width, int Height)
{
    public static async Task<QcStreamFacts> RunAsync(string path, CancellationToken cancellationToken)
    {
        var json = new StringBuilder();
        await FfmpegRunner.Shared.RunRawAsync("ffprobe",
            ["-v", "error", "-show_entries", "format=duration:stream=codec_type,width,height", "-of", "json", path],
            onErrorLine: null,
            readOutput: async (stdout, ct) =>
            {
                using var reader = new StreamReader(stdout, leaveOpen: true);
                json.Append(await reader.ReadToEndAsync(ct).ConfigureAwait(false));
            },
            cancellationToken).ConfigureAwait(false);
        return Parse(json.ToString());
    }

    private static QcStreamFacts Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var duration = TimeSpan.Zero;
        if (root.TryGetProperty("format", out var format) && format.TryGetProperty("duration", out var d) &&
            double.TryParse(d.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
            duration = TimeSpan.FromSeconds(seconds);

        bool hasVideo = false, hasAudio = false;
        int width = 0, height = 0;
        if (root.TryGetProperty("streams", out var streams))
        {
            foreach (var stream in streams.EnumerateArray())
            {
                var type = stream.TryGetProperty("codec_type", out var t) ? t.GetString() : null;
                if (type == "audio") hasAudio = true;
                // Cover art arrives as a one-frame video stream; the first video stream is the one QC reads.
                if (type == "video" && !hasVideo)
                {
                    hasVideo = true;
                    width = stream.TryGetProperty("width", out var w) ? w.GetInt32() : 0;
                    height = stream.TryGetProperty("height", out var h) ? h.GetInt32() : 0;
                }
            }
        }
        return new QcStreamFacts(duration, hasVideo, hasAudio, width, height);
    }
}
