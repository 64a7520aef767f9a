using System.Text;

namespace MediaPlatform.Streams.Quality.Pixels;

/// <summary>
/// Reads binary PGM frames (ffmpeg's <c>-c:v pgm -f image2pipe</c>: "P5 width height 255", then the 8-bit gray pixels)
/// one after another. Each frame names its own size, so the reader needs no probe of the picture beforehand.
/// </summary>
internal static class PgmFrameReader
{
    /// <summary>Feeds up to <paramref name="maxFrames"/> frames to the detector <paramref name="detectorFor"/> makes for the first frame's size.</summary>
    public static async Task<StuckPixelDetector?> ReadAsync(Stream pgm, Func<int, int, StuckPixelDetector?> detectorFor, int maxFrames,
        CancellationToken cancellationToken)
    {
        StuckPixelDetector? detector = null;
        byte[]? frame = null;
        for (var read = 0; read < maxFrames; read++)
        {
            if (await HeaderAsync(pgm, cancellationToken).ConfigureAwait(false) is not var (width, height)) break;
            detector ??= detectorFor(width, height);
            if (detector is null || width * height != detector.FrameSize) break; // too small to judge, or a size change
            frame ??= new byte[detector.FrameSize];
            var filled = await pgm.ReadAtLeastAsync(frame, frame.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            if (filled < frame.Length) break; // ffmpeg stopped mid-frame: its exit code says why
            detector.Add(frame);
        }
        return detector;
    }

    /// <summary>"P5", width, height and the maximum value, each followed by one whitespace byte; null at the end of the stream.</summary>
    private static async Task<(int Width, int Height)?> HeaderAsync(Stream pgm, CancellationToken cancellationToken)
    {
        var fields = new string[4];
        var one = new byte[1];
        for (var i = 0; i < fields.Length; i++)
        {
            var text = new StringBuilder();
            while (true)
            {
                if (await pgm.ReadAsync(one, cancellationToken).ConfigureAwait(false) == 0) return null;
                if (one[0] is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')
                {
                    if (text.Length > 0) break;
                    continue;
                }
                if (text.Length > 16) return null; // not a PGM header
                text.Append((char)one[0]);
            }
            fields[i] = text.ToString();
        }
        return fields[0] == "P5" && int.TryParse(fields[1], out var w) && int.TryParse(fields[2], out var h) && fields[3] == "255"
            ? (w, h)
            : null;
    }
}
