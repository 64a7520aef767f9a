using System.Diagnostics;
using System.Globalization;
using MediaPlatform.Actors.Work;
using MediaPlatform.Streams.Chunking;
using MediaPlatform.Streams.Ladder;

namespace MediaPlatform.Specs.Work.Support;

/// <summary>
/// A generated title in the directory every in-process node shares: a lavfi clip (nothing committed), split at its
/// keyframes by the real splitter, and one work item per chunk × rung writing under out/.
/// </summary>
public sealed class TitleMedia
{
    private TitleMedia(IReadOnlyList<VideoChunk> chunks, IReadOnlyList<(string WorkId, EncodePayload Payload)> work) =>
        (Chunks, Work) = (chunks, work);

    public IReadOnlyList<VideoChunk> Chunks { get; }

    public IReadOnlyList<(string WorkId, EncodePayload Payload)> Work { get; }

    public static async Task<TitleMedia> CreateAsync(string sharedFolder, double seconds, int width, int height)
    {
        Directory.CreateDirectory(sharedFolder);
        var source = Path.Combine(sharedFolder, "source.mp4");
        await RunAsync("ffmpeg", "-hide_banner", "-nostdin", "-y", "-loglevel", "error",
            "-f", "lavfi", "-i", $"testsrc2=size={width}x{height}:rate=25:duration={seconds.ToString(CultureInfo.InvariantCulture)}",
            "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
            "-force_key_frames", "expr:gte(t,n_forced*2)", "-sc_threshold", "0", source);
        var chunks = await new SourceSplitter().SplitAsync(source, Path.Combine(sharedFolder, "chunks"), chunkSeconds: 2);
        var rungs = LadderPolicy.Default.For(width, height, 25, false);
        var work = chunks.SelectMany(c => rungs.Select(r => ($"title-1/{r.Name}/{c.Index:D3}",
            EncodePayload.For(c, r, 0, Path.Combine(sharedFolder, "out", r.Name, $"chunk_{c.Index:D5}.mp4"))))).ToList();
        return new TitleMedia(chunks, work);
    }

    /// <summary>An upload-like source: a moving test picture with a tone, keyframes every 2 s.</summary>
    public static async Task<string> SourceAsync(string folder, double seconds, int width, int height)
    {
        Directory.CreateDirectory(folder);
        var source = Path.Combine(folder, "upload.mp4");
        var length = seconds.ToString(CultureInfo.InvariantCulture);
        await RunAsync("ffmpeg", "-hide_banner", "-nostdin", "-y", "-loglevel", "error",
            "-f", "lavfi", "-i", $"testsrc2=size={width}x{height}:rate=25:duration={length}",
            "-f", "lavfi", "-i", $"sine=frequency=440:sample_rate=48000:duration={length}",
            "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest",
            "-force_key_frames", "expr:gte(t,n_forced*2)", "-sc_threshold", "0", "-movflags", "+faststart", source);
        return source;
    }

    /// <summary>Video frames in a file, counted by ffprobe itself.</summary>
    /// <remarks>An HLS media playlist is read through its segments (ffprobe lists its stream once per program: the first counts).</remarks>
    public static async Task<int> FrameCountAsync(string path)
    {
        var output = await RunAsync("ffprobe", "-v", "error", "-select_streams", "v:0", "-count_packets",
            "-show_entries", "stream=nb_read_packets", "-of", "csv=p=0", path);
        return int.Parse(output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0], CultureInfo.InvariantCulture);
    }

    private static async Task<string> RunAsync(string tool, params string[] arguments)
    {
        var psi = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in arguments) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{tool} failed: {await stderr}");
        return await stdout;
    }
}
