using MediaPlatform.Streams.Chunking;
using MediaPlatform.Testing.Media;

namespace MediaPlatform.Actors.Tests.Work.Support;

/// <summary>
/// A generated clip (ffmpeg lavfi testsrc2, keyframe every 2 s) split into chunks by the real splitter, in a temporary
/// folder deleted with it; no media file is committed. Inspection runs ffprobe directly, independent of the code under test.
/// </summary>
public sealed class TestMedia : IDisposable
{
    private readonly TempDirectory _folder = new("work-test");

    private TestMedia() { }

    public string Folder => _folder.Path;

    public IReadOnlyList<VideoChunk> Chunks { get; private set; } = [];

    public static async Task<TestMedia> SplitClipAsync(double seconds, int width, int height, int chunkSeconds = 2)
    {
        var media = new TestMedia();
        var clip = Path.Combine(media.Folder, "clip.mp4");
        await Clips.WriteAsync(clip, ClipArguments.TestPicture(seconds, width, height, audio: false, faststart: false));
        media.Chunks = await new SourceSplitter().SplitAsync(clip, Path.Combine(media.Folder, "chunks"), chunkSeconds);
        return media;
    }

    /// <summary>A file with a chunk's name that no demuxer accepts.</summary>
    public VideoChunk CorruptChunk()
    {
        var path = Path.Combine(Folder, "chunks", "corrupt_00000.mkv");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, Enumerable.Range(0, 64_000).Select(i => (byte)(i * 31 + 7)).ToArray());
        return new VideoChunk(0, path, TimeSpan.Zero, TimeSpan.FromSeconds(2), 50);
    }

    public string Output(string rung, int chunk) => Path.Combine(Folder, "out", rung, $"chunk_{chunk:D5}.mp4");

    /// <summary>Video frames in a file, counted by ffprobe.</summary>
    public static Task<int> FrameCountAsync(string path) => MediaInspection.FrameCountAsync(path);

    public void Dispose() => _folder.Dispose();
}
