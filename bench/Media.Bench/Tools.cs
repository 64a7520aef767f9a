using System.Diagnostics;

namespace MediaPlatform.Bench.Media;

/// <summary>Runs ffmpeg (or any tool) to completion and times it; a failure throws with the tool's last words.</summary>
public static class Tools
{
    public static async Task<TimeSpan> RunAsync(string tool, IEnumerable<string> arguments, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = workingDirectory ?? "" };
        foreach (var a in arguments) info.ArgumentList.Add(a);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        clock.Stop();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{tool} exited with {process.ExitCode}: {string.Join('\n', (await stderr).Split('\n').TakeLast(5))}");
        return clock.Elapsed;
    }

    /// <summary>The source every scenario encodes: a moving test picture with a tone, keyframes every 2 s (as exports have).</summary>
    public static Task GenerateSourceAsync(string path, int seconds) => RunAsync("ffmpeg",
    [
        "-hide_banner", "-nostdin", "-y", "-loglevel", "error",
        "-f", "lavfi", "-i", $"testsrc2=size=1280x720:rate=25:duration={seconds}",
        "-f", "lavfi", "-i", $"sine=frequency=440:sample_rate=48000:duration={seconds}",
        "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-force_key_frames", "expr:gte(t,n_forced*2)", "-sc_threshold", "0",
        "-c:a", "aac", "-b:a", "192k", "-shortest", "-movflags", "+faststart", path,
    ]);
}
