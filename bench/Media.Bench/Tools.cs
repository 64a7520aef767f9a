using System.Diagnostics;
using MediaPlatform.Testing.Media;

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
    public static Task GenerateSourceAsync(string path, int seconds) =>
        Clips.WriteAsync(path, ClipArguments.TestPicture(seconds, 1280, 720, preset: "veryfast", audioBitrate: "192k"));
}
