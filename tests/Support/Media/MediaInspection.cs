using System.Globalization;
using FFMpegCore;
using MediaPlatform.Streams.Encoding;

namespace MediaPlatform.Testing.Media;

/// <summary>Looks at produced media with ffprobe/ffmpeg directly, independent of the code under test's parsing.</summary>
public static class MediaInspection
{
    public static async Task<VideoStream> VideoAsync(string path) =>
        (await FFProbe.AnalyseAsync(path)).PrimaryVideoStream ?? throw new InvalidOperationException("no video");

    /// <summary>Video packets (frames) in a file or an HLS playlist, counted by ffprobe.</summary>
    /// <remarks>A playlist lists its stream once per program too: the first line is the stream's.</remarks>
    public static async Task<int> FrameCountAsync(string path) =>
        int.Parse((await ProbeAsync("-select_streams", "v:0", "-count_packets", "-show_entries", "stream=nb_read_packets",
            "-of", "csv=p=0", path))[0], CultureInfo.InvariantCulture);

    /// <summary>Duration in seconds ffprobe reports for a file or a playlist.</summary>
    public static async Task<double> FormatDurationAsync(string path) =>
        double.Parse((await ProbeAsync("-show_entries", "format=duration", "-of", "csv=p=0", path))[0], CultureInfo.InvariantCulture);

    /// <summary>Decodes the first frame and says whether the decoder flagged it as a keyframe.</summary>
    public static async Task<bool> FirstFrameIsKeyframeAsync(string path) =>
        (await ProbeAsync("-select_streams", "v:0", "-read_intervals", "%+#1", "-show_entries", "frame=key_frame",
            "-of", "csv=p=0", path))[0].Split(',')[0].Trim() == "1";

    /// <summary>Presentation times of the keyframe packets, sorted.</summary>
    public static async Task<List<double>> KeyframeTimesAsync(string path) =>
        (await ProbeAsync("-select_streams", "v:0", "-show_entries", "packet=pts_time,flags", "-of", "csv=p=0", path))
            .Select(l => l.Split(','))
            .Where(f => f.Length >= 2 && f[1].StartsWith('K'))
            .Select(f => double.Parse(f[0], CultureInfo.InvariantCulture))
            .Order().ToList();

    /// <summary>The earliest presentation time (seconds) among the first video packets: when the first picture is shown.</summary>
    public static async Task<double> FirstVideoPresentationTimeAsync(string path) =>
        (await ProbeAsync("-select_streams", "v:0", "-read_intervals", "%+#16", "-show_entries", "packet=pts_time", "-of", "csv=p=0", path))
            .Select(l => double.Parse(l.Split(',')[0], CultureInfo.InvariantCulture)).Min();

    /// <summary>The first video packet's decode time (seconds): where a fragment's timeline starts.</summary>
    public static async Task<double> FirstVideoDecodeTimeAsync(string path) =>
        double.Parse((await ProbeAsync("-select_streams", "v:0", "-read_intervals", "%+#1", "-show_entries", "packet=dts_time", "-of", "csv=p=0", path))[0]
            .Split(',')[0], CultureInfo.InvariantCulture);

    /// <summary>Mean luma (0–255, black ≈ 16) of the first frame of a video or image, as ffmpeg's signalstats measures it.</summary>
    public static async Task<double> MeanLumaAsync(string path)
    {
        var lines = new List<string>();
        await FfmpegRunner.Shared.RunRawAsync("ffmpeg", ["-hide_banner", "-nostdin", "-loglevel", "error", "-i", path, "-frames:v", "1",
            "-vf", "signalstats,metadata=mode=print:key=lavfi.signalstats.YAVG:file='pipe\\:2'", "-f", "null", "-"], line => { lock (lines) lines.Add(line); }, null);
        var value = lines.Select(l => l.Trim()).First(l => l.StartsWith("lavfi.signalstats.YAVG=", StringComparison.Ordinal));
        return double.Parse(value[(value.IndexOf('=') + 1)..], CultureInfo.InvariantCulture);
    }

    /// <summary>Average PSNR (dB) of <paramref name="path"/> against <paramref name="reference"/> scaled to it.</summary>
    public static async Task<double> PsnrAsync(string path, string reference, int width, int height)
    {
        var report = new List<string>();
        await FfmpegRunner.Shared.RunRawAsync("ffmpeg", ["-hide_banner", "-nostdin", "-i", path, "-i", reference, "-lavfi",
            $"[1:v]scale={width}:{height},setsar=1,format=yuv420p[ref];[0:v]format=yuv420p[enc];[enc][ref]psnr",
            "-f", "null", "-"], line => { lock (report) report.Add(line); }, null);
        var output = string.Join('\n', report);
        var at = output.LastIndexOf("average:", StringComparison.Ordinal);
        if (at < 0) throw new InvalidOperationException("no PSNR in: " + output);
        var text = new string(output[(at + 8)..].TakeWhile(c => char.IsDigit(c) || c == '.' || c == 'i' || c == 'n' || c == 'f').ToArray());
        return text == "inf" ? double.PositiveInfinity : double.Parse(text, CultureInfo.InvariantCulture);
    }

    /// <summary>ffprobe's non-empty stdout lines, trimmed.</summary>
    private static async Task<List<string>> ProbeAsync(params string[] arguments)
    {
        var lines = new List<string>();
        await FfmpegRunner.Shared.RunFfprobeAsync(arguments, line =>
        {
            if (!string.IsNullOrWhiteSpace(line)) lock (lines) lines.Add(line.Trim());
        });
        return lines;
    }
}
