using System.Globalization;
using MediaPlatform.Streams.Encoding;

namespace MediaPlatform.Streams.Thumbnails;

/// <summary>
/// Writes the thumbnails onto JPEG sprite sheets with ffmpeg's <c>tile</c> filter: each sheet's raw frames go to a
/// scratch file that one ffmpeg reads and tiles (a sheet not full leaves its last row's empty slots black).
/// </summary>
public sealed class SpriteSheetWriter(FfmpegRunner? runner = null)
{
    private readonly FfmpegRunner _runner = runner ?? FfmpegRunner.Shared;

    /// <returns>The sheets' file names, in order.</returns>
    public async Task<IReadOnlyList<string>> WriteAsync(IReadOnlyList<SampledFrame> frames, int width, int height, int columns, int rows,
        string outputFolder, CancellationToken cancellationToken = default)
    {
        var names = new List<string>();
        var perSheet = columns * rows;
        for (var sheet = 0; sheet * perSheet < frames.Count; sheet++)
        {
            var ofSheet = frames.Skip(sheet * perSheet).Take(perSheet).ToList();
            var raw = Path.Combine(outputFolder, $".sprite-{sheet}.rgb");
            try
            {
                await using (var file = File.Create(raw))
                    foreach (var frame in ofSheet) await file.WriteAsync(frame.Rgb, cancellationToken);
                var name = SpriteLayout.SheetName(sheet);
                var (c, r) = SpriteLayout.Grid(ofSheet.Count, columns);
                await _runner.RunFfmpegAsync(BuildArguments(raw, width, height, c, r, Path.Combine(outputFolder, name)), null, null, cancellationToken);
                names.Add(name);
            }
            finally { File.Delete(raw); }
        }
        return names;
    }

    public static IReadOnlyList<string> BuildArguments(string rawPath, int width, int height, int columns, int rows, string outputPath) =>
    [
        "-f", "rawvideo", "-pix_fmt", "rgb24", "-video_size", $"{width}x{height}", "-framerate", "1", "-i", rawPath,
        "-vf", $"tile={columns.ToString(CultureInfo.InvariantCulture)}x{rows.ToString(CultureInfo.InvariantCulture)}",
        "-frames:v", "1", "-q:v", "4", "-f", "image2", outputPath,
    ];
}
