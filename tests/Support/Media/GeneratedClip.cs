namespace MediaPlatform.Testing.Media;

/// <summary>
/// A generated clip in a fresh temporary folder owned by it, deleted on dispose. The folder doubles as scratch space
/// for the test.
/// </summary>
public sealed class GeneratedClip : IDisposable
{
    private readonly TempDirectory _folder;

    private GeneratedClip(TempDirectory folder, string path) => (_folder, Path) = (folder, path);

    /// <summary>A scratch folder for the test; deleted with the clip.</summary>
    public string Folder => _folder.Path;

    /// <summary>The generated file.</summary>
    public string Path { get; }

    /// <summary>testsrc2 video (+ a tone unless <paramref name="audio"/> is false), see <see cref="ClipArguments.TestPicture"/>.</summary>
    public static Task<GeneratedClip> VideoAsync(double seconds = 6, int width = 320, int height = 240, int fps = 25,
        bool audio = true, double gopSeconds = 2, string? videoFilter = null, string fileName = "clip.mp4") =>
        RawAsync(fileName, ClipArguments.TestPicture(seconds, width, height, fps, audio, gopSeconds, videoFilter));

    /// <summary>Runs ffmpeg with <paramref name="arguments"/> (inputs and options, without the output) into a new clip.</summary>
    public static async Task<GeneratedClip> RawAsync(string fileName, IEnumerable<string> arguments)
    {
        var folder = new TempDirectory("media");
        try
        {
            return new GeneratedClip(folder, await Clips.WriteAsync(folder.Combine(fileName), arguments));
        }
        catch
        {
            folder.Dispose();
            throw;
        }
    }

    public void Dispose() => _folder.Dispose();
}
