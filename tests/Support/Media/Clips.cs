using MediaPlatform.Streams.Encoding;

namespace MediaPlatform.Testing.Media;

/// <summary>Writes generated clips through the project's own <see cref="FfmpegRunner"/> (argv lists, stderr tail in errors).</summary>
public static class Clips
{
    /// <summary>Runs ffmpeg with <paramref name="arguments"/> (inputs and options, without the output) into <paramref name="path"/>.</summary>
    public static async Task<string> WriteAsync(string path, IEnumerable<string> arguments)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await FfmpegRunner.Shared.RunFfmpegAsync([.. arguments, path]);
        return path;
    }

    /// <summary>The bytes of a clip made in a scratch folder that is deleted again (for uploads).</summary>
    public static async Task<byte[]> BytesAsync(string fileName, IEnumerable<string> arguments)
    {
        using var folder = new TempDirectory("clip");
        return await File.ReadAllBytesAsync(await WriteAsync(folder.Combine(fileName), arguments));
    }

    /// <summary>The bytes of a small testsrc2 + tone MP4, keyframe every 2 s.</summary>
    public static Task<byte[]> Mp4BytesAsync(double seconds = 2, int width = 160, int height = 120) =>
        BytesAsync("clip.mp4", ClipArguments.TestPicture(seconds, width, height));
}
