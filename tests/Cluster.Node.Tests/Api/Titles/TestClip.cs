using System.Diagnostics;

namespace MediaPlatform.Node.Tests.Api.Titles;

/// <summary>A tiny H.264/AAC MP4 generated with ffmpeg's lavfi sources at test time (no media is committed).</summary>
public static class TestClip
{
    public static async Task<byte[]> Mp4Async(double seconds = 2, int width = 160, int height = 120)
    {
        var path = Path.Combine(Path.GetTempPath(), $"title-clip-{Guid.NewGuid():N}.mp4");
        var psi = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, RedirectStandardOutput = true };
        var s = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var a in new[]
                 {
                     "-hide_banner", "-nostdin", "-y", "-loglevel", "error",
                     "-f", "lavfi", "-i", $"testsrc2=size={width}x{height}:rate=25:duration={s}",
                     "-f", "lavfi", "-i", $"sine=frequency=440:sample_rate=48000:duration={s}",
                     "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "64k",
                     "-shortest", "-movflags", "+faststart", path,
                 })
            psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        try
        {
            if (process.ExitCode != 0) throw new InvalidOperationException($"ffmpeg could not generate the clip: {await stderr}");
            return await File.ReadAllBytesAsync(path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
