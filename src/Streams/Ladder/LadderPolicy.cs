using System.Text.RegularExpressions;
using MediaPlatform.Streams.Probing;

namespace MediaPlatform.Streams.Ladder;

/// <summary>
/// Turns a source's display size into the renditions to encode. Pure. Rungs are picked by the source's short side so
/// portrait video gets the same ladder as landscape; nothing is ever upscaled, and a source smaller than the lowest
/// rung gets one rung at its own size.
/// </summary>
public sealed partial class LadderPolicy
{
    /// <summary>AAC-LC, the only audio we produce (RFC 6381 / HLS CODECS form).</summary>
    public const string AudioCodec = "mp4a.40.2";

    public LadderPolicy(IReadOnlyList<RungSpec> rungs, double maxRateFactor = 1.5, double bufferFactor = 2.0)
    {
        if (rungs.Count == 0) throw new ArgumentException("a ladder needs at least one rung", nameof(rungs));
        foreach (var r in rungs)
        {
            // Rung names become file names; only a safe alphabet gets that far.
            if (!SafeName().IsMatch(r.Name))
                throw new ArgumentException($"rung name '{r.Name}' must match {SafeName()}", nameof(rungs));
            if (r.ShortSide < 16 || r.ShortSide % 2 != 0)
                throw new ArgumentException($"rung {r.Name}: short side must be even and at least 16", nameof(rungs));
            if (r.VideoKbps <= 0) throw new ArgumentException($"rung {r.Name}: bitrate must be positive", nameof(rungs));
        }
        if (rungs.Select(r => r.Name).Distinct().Count() != rungs.Count)
            throw new ArgumentException("rung names must be unique", nameof(rungs));
        if (maxRateFactor < 1 || bufferFactor <= 0) throw new ArgumentException("rate factors out of range");
        Rungs = [.. rungs.OrderBy(r => r.ShortSide)];
        MaxRateFactor = maxRateFactor;
        BufferFactor = bufferFactor;
    }

    /// <summary>
    /// 240p–1080p with average bitrates near Apple's HLS authoring table for 16:9 H.264 at up to 30 fps;
    /// peak 1.5x average (the spec allows up to 2x for VOD), VBV buffer 2x average.
    /// </summary>
    public static LadderPolicy Default { get; } = new(
    [
        new("240p", 240, 400), new("360p", 360, 800), new("480p", 480, 1400),
        new("720p", 720, 3000), new("1080p", 1080, 6000),
    ]);

    public IReadOnlyList<RungSpec> Rungs { get; }
    public double MaxRateFactor { get; }
    public double BufferFactor { get; }

    public IReadOnlyList<Rung> For(ProbeResult probe) =>
        For(probe.DisplayWidth, probe.DisplayHeight, probe.FrameRate, probe.HasAudio);

    /// <summary>The rungs for a source shown at <paramref name="displayWidth"/>x<paramref name="displayHeight"/>
    /// (after rotation and pixel aspect), lowest first.</summary>
    public IReadOnlyList<Rung> For(int displayWidth, int displayHeight, double frameRate, bool hasAudio)
    {
        if (displayWidth < 2 || displayHeight < 2) throw new ArgumentException("display size must be at least 2x2");
        var shortSide = Math.Min(displayWidth, displayHeight);
        var fitting = Rungs.Where(r => r.ShortSide <= shortSide).ToList();
        if (fitting.Count == 0)
        {
            var lowest = Rungs[0];
            var own = FloorEven(shortSide);
            var ratio = (double)own / lowest.ShortSide;
            var kbps = Math.Max(100, (int)Math.Round(lowest.VideoKbps * ratio * ratio));
            fitting.Add(new RungSpec($"{own}p", own, kbps));
        }
        return [.. fitting.Select(r => Build(r, displayWidth, displayHeight, frameRate, hasAudio))];
    }

    private Rung Build(RungSpec spec, int displayWidth, int displayHeight, double frameRate, bool hasAudio)
    {
        var landscape = displayWidth >= displayHeight;
        var (longSource, shortSource) = landscape ? (displayWidth, displayHeight) : (displayHeight, displayWidth);
        var shortSide = Math.Min(spec.ShortSide, FloorEven(shortSource));
        var longSide = Math.Min(NearestEven((double)shortSide * longSource / shortSource), FloorEven(longSource));
        var (width, height) = landscape ? (longSide, shortSide) : (shortSide, longSide);

        var maxRate = (int)Math.Round(spec.VideoKbps * MaxRateFactor);
        var buffer = (int)Math.Round(spec.VideoKbps * BufferFactor);
        var level = H264Level.ForHighProfile(width, height, frameRate, maxRate);
        var video = H264Level.HighProfileCodec(level);
        return new Rung(spec.Name, width, height, spec.VideoKbps, maxRate, buffer, "high", H264Level.ToOption(level),
            video, hasAudio ? $"{video},{AudioCodec}" : video);
    }

    private static int FloorEven(int value) => value - value % 2;

    private static int NearestEven(double value) => Math.Max(2, 2 * (int)Math.Round(value / 2, MidpointRounding.AwayFromZero));

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,31}$")]
    private static partial Regex SafeName();
}
