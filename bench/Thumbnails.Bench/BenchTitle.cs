using MediaPlatform.Testing.Media;

namespace MediaPlatform.Bench.Thumbnails;

/// <summary>
/// The title's two renditions as the pipeline publishes them (H.264, a keyframe every 2 s): 360p, which the preview is
/// sampled from, and 720p, which the poster is grabbed from. Generated once from lavfi testsrc2 and kept in /tmp.
/// </summary>
public static class BenchTitle
{
    public static async Task<(string Rung360, string Rung720)> EnsureAsync(int minutes)
    {
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "thumbnails-bench")).FullName;
        var seconds = minutes * 60;
        return (await EnsureAsync(Path.Combine(folder, $"title-{minutes}min-360p.mp4"), seconds, 640, 360),
            await EnsureAsync(Path.Combine(folder, $"title-{minutes}min-720p.mp4"), seconds, 1280, 720));
    }

    private static async Task<string> EnsureAsync(string path, int seconds, int width, int height)
    {
        if (File.Exists(path)) return path;
        Console.WriteLine($"generating {Path.GetFileName(path)} once ({seconds} s of {width}x{height}) …");
        var part = path + ".part.mp4";
        await Clips.WriteAsync(part, ClipArguments.TestPicture(seconds, width, height, audio: false));
        File.Move(part, path, overwrite: true);
        return path;
    }
}
