using MediaPlatform.Actors.Work;
using MediaPlatform.Streams.Chunking;
using MediaPlatform.Streams.Encoding;
using MediaPlatform.Streams.Ladder;
using MediaPlatform.Testing.Media;

namespace MediaPlatform.Specs.Work.Support;

/// <summary>
/// A generated title in the directory every in-process node shares: a lavfi clip (nothing committed), split at its
/// keyframes by the real splitter, and one work item per chunk (to every rung in one encode) writing under out/.
/// </summary>
public sealed class TitleMedia
{
    private TitleMedia(IReadOnlyList<VideoChunk> chunks, IReadOnlyList<(string WorkId, ChunkEncodePayload Payload)> work) =>
        (Chunks, Work) = (chunks, work);

    public IReadOnlyList<VideoChunk> Chunks { get; }

    public IReadOnlyList<(string WorkId, ChunkEncodePayload Payload)> Work { get; }

    public static async Task<TitleMedia> CreateAsync(string sharedFolder, double seconds, int width, int height)
    {
        Directory.CreateDirectory(sharedFolder);
        var source = Path.Combine(sharedFolder, "source.mp4");
        await Clips.WriteAsync(source, ClipArguments.TestPicture(seconds, width, height, audio: false, faststart: false));
        var chunks = await new SourceSplitter().SplitAsync(source, Path.Combine(sharedFolder, "chunks"), chunkSeconds: 2);
        var rungs = LadderPolicy.Default.For(width, height, 25, false);
        var work = chunks.Select(c => ($"title-1/{c.Index:D3}", ChunkEncodePayload.For(new ChunkLadderEncode(c, rungs, 0,
            rungs.Select(r => Path.Combine(sharedFolder, "out", r.Name, $"chunk_{c.Index:D5}.mp4")).ToList()), width, height))).ToList();
        return new TitleMedia(chunks, work);
    }

    /// <summary>An upload-like source: a moving test picture with a tone, keyframes every 2 s.</summary>
    public static Task<string> SourceAsync(string folder, double seconds, int width, int height) =>
        Clips.WriteAsync(Path.Combine(folder, "upload.mp4"), ClipArguments.TestPicture(seconds, width, height, audioBitrate: "128k"));

    /// <summary>Video frames in a file, counted by ffprobe itself.</summary>
    /// <remarks>An HLS media playlist is read through its segments (ffprobe lists its stream once per program: the first counts).</remarks>
    public static Task<int> FrameCountAsync(string path) => MediaInspection.FrameCountAsync(path);
}
