using System.Diagnostics;
using System.Globalization;
using FFMpegCore;

namespace MediaPlatform.Streams.Tests.Encoding;

/// <summary>Looks at produced media with ffprobe/ffmpeg directly, independent of the code under test.</summary>
public static class MediaInspector
{
    public static async Task<VideoStream> VideoAsync(string path) =>
        (await FFProbe.AnalyseAsync(path)).PrimaryVideoStream ?? throw new InvalidOperationException("no video");

    /// <summary>Decodes the first frame and says whether the decoder flagged it as a keyframe.</summary>
    public static async Task<bool> FirstFrameIsKeyframeAsync(string path)
    {
        var output = await RunAsync("ffprobe", "-v", "error", "-select_streams", "v:0", "-read_intervals", "%+#1",
            "-show_entries", "frame=key_frame", "-of", "csv=p=0", path);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[0].Split(',')[0].Trim() == "1";
    }

    /// <summary>Presentation times of the keyframe packets, sorted.</summary>
    public static async Task<List<double>> KeyframeTimesAsync(string path)
    {
        var output = await RunAsync("ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries",
            "packet=pts_time,flags", "-of", "csv=p=0", path);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(','))
            .Where(f => f.Length >= 2 && f[1].StartsWith('K'))
            .Select(f => double.Parse(f[0], CultureInfo.InvariantCulture))
            .Order().ToList();
    }

    /// <summary>Average PSNR (dB) of <paramref name="path"/> against <paramref name="reference"/> scaled to it.</summary>
    public static async Task<double> PsnrAsync(string path, string reference, int width, int height)
    {
        var output = await RunAsync("ffmpeg", "-hide_banner", "-nostdin", "-i", path, "-i", reference, "-lavfi",
            $"[1:v]scale={width}:{height},setsar=1,format=yuv420p[ref];[0:v]format=yuv420p[enc];[enc][ref]psnr",
            "-f", "null", "-");
        var at = output.LastIndexOf("average:", StringComparison.Ordinal);
        if (at < 0) throw new InvalidOperationException("no PSNR in: " + output);
        var text = new string(output[(at + 8)..].TakeWhile(c => char.IsDigit(c) || c == '.' || c == 'i' || c == 'n' || c == 'f').ToArray());
        return text == "inf" ? double.PositiveInfinity : double.Parse(text, CultureInfo.InvariantCulture);
    }

    /// <summary>Duration ffprobe reports for a file or a playlist.</summary>
    public static async Task<double> FormatDurationAsync(string path)
    {
        var output = await RunAsync("ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", path);
        return double.Parse(output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[0].Trim(), CultureInfo.InvariantCulture);
    }

    /// <summary>Video packets in a file or playlist.</summary>
    public static async Task<int> FrameCountAsync(string path)
    {
        var output = await RunAsync("ffprobe", "-v", "error", "-select_streams", "v:0", "-count_packets",
            "-show_entries", "stream=nb_read_packets", "-of", "csv=p=0", path);
        // A playlist lists its stream once per program too: the first line is the stream's.
        return int.Parse(output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[0].Trim(), CultureInfo.InvariantCulture);
    }

    /// <summary>Runs a tool and returns stdout and stderr together.</summary>
    private static async Task<string> RunAsync(string tool, params string[] arguments)
    {
        var psi = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in arguments) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var text = await stdout + await stderr;
        if (process.ExitCode != 0) throw new InvalidOperationException($"{tool} failed: {text}");
        return text;
    }
}
