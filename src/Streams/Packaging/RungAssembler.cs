using MediaPlatform.Streams.Encoding;

namespace MediaPlatform.Streams.Packaging;

/// <summary>Joins one rung's encoded chunks, in index order, into one MP4 with the concat demuxer (stream copy).</summary>
public sealed class RungAssembler(FfmpegRunner? runner = null)
{
    private readonly FfmpegRunner _runner = runner ?? FfmpegRunner.Shared;

    public async Task<string> AssembleAsync(IEnumerable<ChunkEncodeResult> chunks, string outputPath,
        CancellationToken cancellationToken = default)
    {
        var ordered = chunks.OrderBy(c => c.ChunkIndex).ToList();
        for (var i = 0; i < ordered.Count; i++)
            if (ordered[i].ChunkIndex != i)
                throw new InvalidOperationException($"cannot assemble: chunk {i} is missing or repeated");
        if (ordered.Count == 0) throw new InvalidOperationException("cannot assemble: no chunks");

        var output = Path.GetFullPath(outputPath);
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        var list = output + ".concat.txt";
        await File.WriteAllLinesAsync(list, ordered.Select(c => $"file '{Escape(Path.GetFullPath(c.OutputPath))}'"),
            cancellationToken);
        try
        {
            await _runner.RunFfmpegAsync(BuildArguments(list, output), null, null, cancellationToken);
        }
        finally
        {
            File.Delete(list);
        }
        return output;
    }

    public static IReadOnlyList<string> BuildArguments(string listFile, string outputPath) =>
    [
        "-f", "concat", "-safe", "0", "-i", listFile,
        "-map", "0:v:0", "-c", "copy", "-movflags", "+faststart", "-f", "mp4", outputPath,
    ];

    // Concat list syntax: a quote inside a quoted path is written '\''.
    private static string Escape(string path) => path.Replace("'", @"'\''", StringComparison.Ordinal);
}
