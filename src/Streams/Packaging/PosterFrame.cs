using System.Globalization;
using MediaPlatform.Streams.Encoding;

namespace MediaPlatform.Streams.Packaging;

/// <summary>
/// Grabs a title's poster: one JPEG frame at a tenth of the duration (past the black opening and the studio logos most
/// videos start with, and always inside even a short clip), scaled to <see cref="Width"/> pixels wide with the
/// picture's aspect kept. It is written into the package folder, so it is stored and served with the title's HLS files
/// until the image pipeline provides real artwork.
/// </summary>
public sealed class PosterFrame(FfmpegRunner? runner = null)
{
    public const string FileName = "poster.jpg";
    public const int Width = 480;
    private readonly FfmpegRunner _runner = runner ?? FfmpegRunner.Shared;

    /// <param name="videoPath">A rendition of the title, or the encoded chunk of it that holds <see cref="At"/> (the highest
    /// rung gives the sharpest frame).</param>
    /// <param name="at">Where in <paramref name="videoPath"/> the poster's moment is.</param>
    /// <returns>The poster's path inside <paramref name="outputFolder"/>.</returns>
    public async Task<string> GrabAsync(string videoPath, TimeSpan at, string outputFolder, CancellationToken cancellationToken = default)
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
        "-ss", at.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture), "-i", videoPath,
        "-map", "0:v:0", "-frames:v", "1", "-vf", $"scale={Width}:-2", "-q:v", "3", "-f", "image2", outputPath,
    ];
}
