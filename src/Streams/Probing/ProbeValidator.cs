using System.Globalization;

namespace MediaPlatform.Streams.Probing;

/// <summary>Decides whether a probed source can go through the pipeline. Pure.</summary>
public static class ProbeValidator
{
    public const int MinSide = 16;
    public const int MaxSide = 8192;
    public const double MaxAspect = 10.0;

    /// <summary>
    /// Video codecs ffmpeg here decodes reliably and people actually deliver (camera, phone, editing and web
    /// formats). Anything else is refused up front rather than failing half-way through a transcode.
    /// </summary>
    public static IReadOnlySet<string> DecodableCodecs { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "h264", "hevc", "vp8", "vp9", "av1", "mpeg4", "mpeg2video", "mpeg1video", "prores", "dnxhd", "mjpeg",
        "ffv1", "vc1", "wmv3", "theora", "h263", "dvvideo",
    };

    public static ProbeVerdict Validate(ProbeResult p)
    {
        if (!DecodableCodecs.Contains(p.VideoCodec))
            return Reject(RejectionReason.UnsupportedCodec,
                $"the video codec '{p.VideoCodec}' is not supported; export as H.264, HEVC, VP9, AV1 or ProRes");
        if (p.Width < MinSide || p.Height < MinSide || p.Width > MaxSide || p.Height > MaxSide)
            return Reject(RejectionReason.AbsurdDimensions,
                $"the picture is {p.Width}x{p.Height}; each side must be between {MinSide} and {MaxSide} pixels");
        var aspect = (double)Math.Max(p.Width, p.Height) / Math.Min(p.Width, p.Height);
        if (aspect > MaxAspect)
            return Reject(RejectionReason.AbsurdDimensions,
                $"the picture is {p.Width}x{p.Height}, an aspect ratio of {F(aspect)}:1; at most {F(MaxAspect)}:1 is accepted");
        if (p.Duration <= TimeSpan.Zero || p.FrameCount == 0)
            return Reject(RejectionReason.ZeroDuration,
                "the video has no duration or no frames; check that the export contains picture");
        if (IsTruncated(p))
            return Reject(RejectionReason.Truncated,
                $"the file ends early: its video stops at {F(p.ReadableDuration.TotalSeconds)} s of the " +
                $"{F(p.Duration.TotalSeconds)} s it declares" + (p.ReadError is null ? "" : $" ({p.ReadError})") +
                "; the upload is probably incomplete, upload the whole file again");
        return new ProbeVerdict.Accepted(p);
    }

    // A little slack: containers round durations and the last packet's duration is sometimes a guess.
    private static bool IsTruncated(ProbeResult p) =>
        p.ReadableDuration < p.Duration - TimeSpan.FromSeconds(Math.Max(1.0, p.Duration.TotalSeconds * 0.02));

    private static ProbeVerdict.Rejected Reject(RejectionReason reason, string message) => new(reason, message);

    private static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
