using System.Globalization;
using MediaPlatform.Streams.Encoding;

namespace MediaPlatform.Streams.Probing;

/// <summary>Reads a video stream's packets with ffprobe (demux only, no decode: cheap even for long files).</summary>
public sealed class PacketScanner(FfmpegRunner? runner = null)
{
    private readonly FfmpegRunner _runner = runner ?? FfmpegRunner.Shared;

    /// <param name="streamSpecifier">ffprobe stream specifier: "v:0" or an absolute stream index such as "1".</param>
    public async Task<PacketScan> ScanAsync(string path, string streamSpecifier = "v:0",
        CancellationToken cancellationToken = default)
    {
        var count = 0;
        var keyframes = new List<TimeSpan>();
        var firstIsKey = false;
        TimeSpan? start = null;
        var end = TimeSpan.Zero;
        var errors = await _runner.RunFfprobeCollectingErrorsAsync(
            ["-select_streams", streamSpecifier, "-show_entries", "packet=pts_time,dts_time,duration_time,flags",
             "-of", "csv=p=0", path],
            line =>
            {
                // pts_time,dts_time,duration_time,flags — ffprobe prints them in this order whatever we ask.
                var f = line.Split(',');
                if (f.Length < 4) return;
                var time = Seconds(f[0]) ?? Seconds(f[1]);
                var key = f[3].StartsWith('K');
                if (count == 0) firstIsKey = key;
                count++;
                if (time is not { } t) return;
                if (start is null || t < start) start = t;
                var packetEnd = t + (Seconds(f[2]) ?? TimeSpan.Zero);
                if (packetEnd > end) end = packetEnd;
                if (key) keyframes.Add(t);
            },
            cancellationToken);
        keyframes.Sort();
        return new PacketScan(count, keyframes, firstIsKey, start ?? TimeSpan.Zero, end,
            errors.Count == 0 ? null : ProbeErrorText.Clean(errors[0], path));
    }

    private static TimeSpan? Seconds(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var s)
            ? TimeSpan.FromSeconds(s)
            : null;
}
