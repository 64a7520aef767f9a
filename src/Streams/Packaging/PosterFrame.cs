using System.Globalization;
using MediaPlatform.Streams.Encoding;

namespace MediaPlatform.Streams.Packaging;

/// <summary>
/// Grabs a title's poster: one JPEG frame, at most <see cref="MaxWidth"/> pixels wide (never wider than the video) with
/// the picture's aspect kept. The frame is the one the thumbnails chose (<see cref="Thumbnails.SamplePicker"/>: well lit,
/// most detail) or, when they could not be made, a tenth of the way in (past the black opening most videos start with).
/// It is written into the package folder, so it is stored and served with the title's HLS files.
/// </summary>
public sealed class PosterFrame(FfmpegRunner? runner = null)
{
    public const string FileName = "poster.jpg";
    public const int MaxWidth = 1280;
    private readonly FfmpegRunner _runner = runner ?? FfmpegRunner.Shared;

    /// <param name="videoPath">A rendition of the title — a file, or a <see cref="ChunkConcatList"/> of its chunks — or the
    /// encoded chunk of it that holds the moment (the highest rung gives the sharpest frame).</param>
    /// <param name="at">Where in <paramref name="videoPath"/> the poster's moment is.</param>
    /// <returns>The poster's path inside <paramref name="outputFolder"/>.</returns>
    public async Task<string> GrabAtAsync(string videoPath, TimeSpan at, string outputFolder, CancellationToken cancellationToken = default)
    {
        var output = Path.Combine(outputFolder, FileName);
        await _runner.RunFfmpegAsync(BuildArguments(Path.GetFullPath(videoPath), at, output), null, null, cancellationToken);
        return output;
    }

    /// <summary>A tenth of the way in; the very start for a video whose duration is unknown.</summary>
    public static TimeSpan At(TimeSpan duration) => duration > TimeSpan.Zero ? duration / 10 : TimeSpan.Zero;

    public static IReadOnlyList<string> BuildArguments(string videoPath, TimeSpan at, string outputPath) =>
    [
        // -ss before -i seeks to the keyframe before and decodes up to the moment: exact and quick.
        "-ss", at.TotalSeconds.ToString("0.######", CultureInfo.InvariantCulture), .. ChunkConcatList.Input(videoPath),
        "-map", "0:v:0", "-frames:v", "1", "-vf", $"scale='min({MaxWidth},iw)':-2", "-q:v", "3", "-f", "image2", outputPath,
    ];
}
