namespace MediaPlatform.Streams.Ladder;

/// <summary>
/// Picks the lowest H.264 level (ITU-T H.264 table A-1) that a picture size, frame rate and peak bitrate fit in, so the
/// CODECS string we advertise is true and players that check it do not refuse the rendition.
/// </summary>
public static class H264Level
{
    // level_idc, max macroblocks/s, max frame size in macroblocks, max bitrate kbps (Main; High allows 1.25x).
    private static readonly (int Idc, long MaxMbps, int MaxFs, int MaxKbps)[] Table =
    [
        (30, 40_500, 1_620, 10_000), (31, 108_000, 3_600, 14_000), (32, 216_000, 5_120, 20_000),
        (40, 245_760, 8_192, 20_000), (41, 245_760, 8_192, 50_000), (42, 522_240, 8_704, 50_000),
        (50, 589_824, 22_080, 135_000), (51, 983_040, 36_864, 240_000), (52, 2_073_600, 36_864, 240_000),
        (60, 4_177_920, 139_264, 240_000), (61, 8_355_840, 139_264, 480_000), (62, 16_711_680, 139_264, 800_000),
    ];

    /// <summary>
    /// The level_idc (e.g. 31 for 3.1) for a High-profile stream. Starts at 3.0: lower levels buy no compatibility
    /// and some players mishandle them.
    /// </summary>
    public static int ForHighProfile(int width, int height, double frameRate, int peakKbps)
    {
        var mbWidth = (width + 15) / 16;
        var mbHeight = (height + 15) / 16;
        var frameSize = mbWidth * mbHeight;
        var rate = frameRate > 0 ? frameRate : 30;
        foreach (var (idc, maxMbps, maxFs, maxKbps) in Table)
        {
            // Each dimension is also capped at sqrt(8 * MaxFS) macroblocks (A.3.1 h/i).
            var maxSide = Math.Sqrt(8.0 * maxFs);
            if (frameSize <= maxFs && mbWidth <= maxSide && mbHeight <= maxSide
                && frameSize * rate <= maxMbps && peakKbps <= maxKbps * 1.25)
                return idc;
        }
        return 62;
    }

    /// <summary>"3.1" for 31: the form libx264's -level option takes.</summary>
    public static string ToOption(int idc) => $"{idc / 10}.{idc % 10}";

    /// <summary>RFC 6381 avc1 string for High profile (profile_idc 100, no constraint flags) at a level.</summary>
    public static string HighProfileCodec(int idc) => $"avc1.6400{idc:x2}";
}
