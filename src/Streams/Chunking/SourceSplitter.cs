using System.Globalization;
using MediaPlatform.Streams.Encoding;
using MediaPlatform.Streams.Probing;

namespace MediaPlatform.Streams.Chunking;

/// <summary>
/// Cuts the source's first video stream into chunks at keyframes, without re-encoding. The segment muxer cuts at the
/// first keyframe at or after each multiple of the chunk length, so a chunk is never shorter than the source's GOP
/// allows, and every chunk starts decodable. Chunks are Matroska: it takes any codec a source may carry.
/// </summary>
public sealed class SourceSplitter(FfmpegRunner? runner = null)
{
    private const string ListFile = "chunks.csv";
    private readonly FfmpegRunner _runner = runner ?? FfmpegRunner.Shared;

    /// <param name="chunkSeconds">Target chunk length; a multiple of <see cref="Gop.Seconds"/> so the keyframes the
    /// encoder forces on each chunk land on the same grid as on the whole title.</param>
    public async Task<IReadOnlyList<VideoChunk>> SplitAsync(string sourcePath, string chunkFolder, int chunkSeconds = 4,
        CancellationToken cancellationToken = default)
    {
        if (chunkSeconds <= 0 || chunkSeconds % Gop.Seconds != 0)
            throw new ArgumentOutOfRangeException(nameof(chunkSeconds), chunkSeconds,
                $"chunk length must be a positive multiple of the {Gop.Seconds} s GOP");
        Directory.CreateDirectory(chunkFolder);
        var source = Path.GetFullPath(sourcePath);
        await _runner.RunFfmpegAsync(BuildArguments(source, chunkSeconds), chunkFolder, null, cancellationToken);

        var listed = await ReadListAsync(Path.Combine(chunkFolder, ListFile), cancellationToken);
        var chunks = new VideoChunk[listed.Count];
        // Frames are counted from each chunk's Matroska blocks: no ffprobe per chunk.
        for (var i = 0; i < listed.Count; i++)
        {
            var (file, start) = listed[i];
            var path = Path.Combine(chunkFolder, file);
            var scan = MatroskaVideoBlocks.Read(path);
            if (scan.FrameCount > 0 && !scan.FirstPacketIsKeyframe)
                throw new InvalidDataException($"chunk {i} does not start on a keyframe");
            chunks[i] = new VideoChunk(i, path, start, scan.Duration, scan.FrameCount);
        }
        return chunks;
    }

    /// <summary>The ffmpeg arguments for splitting (run in the chunk folder; names are ours, never the user's).</summary>
    public static IReadOnlyList<string> BuildArguments(string sourcePath, int chunkSeconds) =>
    [
        "-i", sourcePath,
        "-map", "0:v:0", "-an", "-sn", "-dn", "-c", "copy",
        "-f", "segment", "-segment_time", chunkSeconds.ToString(CultureInfo.InvariantCulture),
        "-reset_timestamps", "1", "-segment_format", "matroska",
        "-segment_list", ListFile, "-segment_list_type", "csv",
        "chunk_%05d.mkv",
    ];

    private static async Task<List<(string File, TimeSpan Start)>> ReadListAsync(string path, CancellationToken ct)
    {
        // One line per chunk: file,start,end (seconds). Our own file names never need CSV quoting.
        var result = new List<(string, TimeSpan)>();
        foreach (var line in await File.ReadAllLinesAsync(path, ct))
        {
            var f = line.Split(',');
            if (f.Length < 3) continue;
            var start = double.Parse(f[1], NumberStyles.Float, CultureInfo.InvariantCulture);
            result.Add((f[0], TimeSpan.FromSeconds(start)));
        }
        if (result.Count == 0) throw new InvalidDataException("splitting produced no chunks: the source has no video packets");
        return result;
    }
}
