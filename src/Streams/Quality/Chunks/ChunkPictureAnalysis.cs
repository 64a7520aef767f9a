using System.Globalization;
using MediaPlatform.Streams.Chunking;
using MediaPlatform.Streams.Quality.Pixels;

namespace MediaPlatform.Streams.Quality.Chunks;

/// <summary>
/// The picture quality control of one chunk, done by the ffmpeg that encodes it: one more branch of the decoded
/// picture's <c>split</c> runs blackdetect and freezedetect (their spans printed as frame metadata on stderr) and, for
/// the stuck-pixel check, passes a few evenly spaced frames as 8-bit gray PGM to stdout. No second decode of the chunk.
/// <see cref="QcThresholds.StuckPixelSampleFrames"/> is the number of frames sampled from this chunk (0: no stuck-pixel check).
/// </summary>
public sealed class ChunkPictureAnalysis(VideoChunk chunk, QcThresholds thresholds)
{
    /// <summary>Fewer frames than this say too little about a pixel to call it stuck (as for a whole source).</summary>
    public const int MinSampledFrames = 5;

    private readonly DetectorMetadataParser _parser = new();
    private StuckPixelDetector? _pixels;

    public bool SamplesFrames => thresholds.StuckPixelSampleFrames > 0;

    /// <summary>The filter branch fed by <paramref name="input"/> (a split output of the decoded, upright picture).</summary>
    public string FilterBranch(string input, string grayOutput)
    {
        var detect = $"[{input}]blackdetect=d=0:pix_th={Num(thresholds.BlackDetectPixelThreshold)}," +
                     $"freezedetect=n={Num(thresholds.FreezeDetectNoiseDb)}dB:d={Num(FreezeReportSeconds)}," +
                     @"metadata=mode=print:file='pipe\:2'";
        if (!SamplesFrames) return detect + ",nullsink";
        // Every step-th frame, so at most the frames asked for, spread over the chunk.
        var step = Math.Max(1, (chunk.FrameCount + thresholds.StuckPixelSampleFrames - 1) / thresholds.StuckPixelSampleFrames);
        return detect + $",split=2[{input}n][{input}px];[{input}n]nullsink;[{input}px]select='not(mod(n\\,{step}))',format=gray[{grayOutput}]";
    }

    /// <summary>The output for the sampled frames (nothing when no frames are sampled).</summary>
    public IReadOnlyList<string> Outputs(string grayOutput) => SamplesFrames
        ? ["-map", $"[{grayOutput}]", "-fps_mode", "passthrough", "-c:v", "pgm", "-f", "image2pipe", "pipe:1"]
        : [];

    /// <summary>ffmpeg's stderr line: true when it was the detectors' report.</summary>
    public bool AcceptLine(string line) => _parser.Accept(line);

    /// <summary>Reads the sampled frames from ffmpeg's stdout into the stuck-pixel detector.</summary>
    public async Task ReadFramesAsync(Stream stdout, CancellationToken cancellationToken)
    {
        // select can let one frame more through at the end; anything beyond that is drained unread.
        _pixels = await PgmFrameReader.ReadAsync(stdout,
            (w, h) => w >= 3 && h >= 3 ? new StuckPixelDetector(w, h, thresholds.StuckPixelOutlierLevels) : null,
            thresholds.StuckPixelSampleFrames + 2, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What was found, in the title's timeline, once ffmpeg has exited.</summary>
    public ChunkPictureQc Finish()
    {
        var (black, frozen) = _parser.Finish(chunk.Duration, chunk.Start);
        var sampled = _pixels?.Frames ?? 0;
        var stuck = _pixels is { } p && sampled >= MinSampledFrames
            ? p.Find(thresholds.StuckPixelFrameFraction, thresholds.StuckPixelMinNeighbourChange)
            : [];
        return new ChunkPictureQc(chunk.Start, chunk.Start + chunk.Duration, black, frozen,
            stuck.Take(ChunkPictureQc.MaxListedPixels).ToList(), stuck.Count, sampled);
    }

    /// <summary>
    /// freezedetect's own minimum, far below the title's: a freeze that spans a chunk boundary is seen in part on
    /// each side, and only the joined span is held against the title's threshold.
    /// </summary>
    private const double FreezeReportSeconds = 0.1;

    private static string Num(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
