using System.Diagnostics;

namespace MediaPlatform.Streams.Tests.Support;

/// <summary>
/// Generates test media with ffmpeg's lavfi sources, so no media file is ever committed. Each clip lands in a fresh
/// temporary folder owned by the returned <see cref="GeneratedClip"/>, which deletes it on dispose.
/// </summary>
public sealed class GeneratedClip : IDisposable
{
    private GeneratedClip(string folder, string path) => (Folder, Path) = (folder, path);

    /// <summary>A scratch folder for the test; deleted with the clip.</summary>
    public string Folder { get; }

    /// <summary>The generated file.</summary>
    public string Path { get; }

    /// <summary>
    /// testsrc2 video (+ a sine tone unless <paramref name="audio"/> is false), H.264/AAC in MP4, keyframe every
    /// <paramref name="gopSeconds"/>. <paramref name="videoFilter"/> is appended to the video chain (e.g. to plant defects).
    /// </summary>
    public static Task<GeneratedClip> VideoAsync(double seconds = 6, int width = 320, int height = 240, int fps = 25,
        bool audio = true, double gopSeconds = 2, string? videoFilter = null, string fileName = "clip.mp4")
    {
        var video = $"testsrc2=size={width}x{height}:rate={fps}:duration={Inv(seconds)}";
        if (videoFilter is not null) video += "," + videoFilter;
        var args = new List<string> { "-f", "lavfi", "-i", video };
        if (audio) args.AddRange(["-f", "lavfi", "-i", $"sine=frequency=440:sample_rate=48000:duration={Inv(seconds)}"]);
        args.AddRange(["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
            "-force_key_frames", $"expr:gte(t,n_forced*{Inv(gopSeconds)})", "-sc_threshold", "0"]);
        if (audio) args.AddRange(["-c:a", "aac", "-b:a", "64k"]);
        args.AddRange(["-shortest", "-movflags", "+faststart"]);
        return RawAsync(fileName, args);
    }

    /// <summary>Runs ffmpeg with <paramref name="arguments"/> (inputs and options, without the output) into a new clip.</summary>
    public static async Task<GeneratedClip> RawAsync(string fileName, IEnumerable<string> arguments)
    {
        var folder = Directory.CreateTempSubdirectory("media-test-").FullName;
        var path = System.IO.Path.Combine(folder, fileName);
        var psi = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { "-hide_banner", "-nostdin", "-y", "-loglevel", "error" }.Concat(arguments).Append(path))
            psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"ffmpeg could not generate {fileName}: {await stderr}");
        return new GeneratedClip(folder, path);
    }

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { /* a test still holding a file: the OS temp cleaner gets it */ }
    }

    private static string Inv(double value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
