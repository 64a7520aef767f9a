using System.Globalization;

namespace MediaPlatform.Testing.Media;

/// <summary>ffmpeg arguments (inputs and encoding, without the output) for clips made from lavfi sources, so no
/// media file is ever committed. Numbers are written with the invariant culture: ffmpeg reads "2.5", never "2,5".</summary>
public static class ClipArguments
{
    /// <summary>
    /// A moving testsrc2 picture (+ a 440 Hz tone unless <paramref name="audio"/> is false), H.264/AAC, keyframe every
    /// <paramref name="gopSeconds"/> (none forced when null). <paramref name="videoFilter"/> is appended to the video
    /// chain (e.g. to plant defects).
    /// </summary>
    public static List<string> TestPicture(double seconds, int width = 320, int height = 240, int fps = 25, bool audio = true,
        double? gopSeconds = 2, string? videoFilter = null, string preset = "ultrafast", string audioBitrate = "64k", bool faststart = true)
    {
        var video = $"testsrc2=size={width}x{height}:rate={fps}:duration={Inv(seconds)}";
        if (videoFilter is not null) video += "," + videoFilter;
        var args = new List<string> { "-f", "lavfi", "-i", video };
        if (audio) args.AddRange(["-f", "lavfi", "-i", Tone(seconds)]);
        args.AddRange(["-c:v", "libx264", "-preset", preset, "-pix_fmt", "yuv420p"]);
        if (gopSeconds is { } gop) args.AddRange(["-force_key_frames", $"expr:gte(t,n_forced*{Inv(gop)})", "-sc_threshold", "0"]);
        if (audio) args.AddRange(["-c:a", "aac", "-b:a", audioBitrate, "-shortest"]);
        if (faststart) args.AddRange(["-movflags", "+faststart"]);
        return args;
    }

    /// <summary>
    /// Black for <paramref name="blackSeconds"/>, then a moving testsrc2 picture (a hard cut), no audio, H.264 with a
    /// keyframe every 2 s: a title whose first frames must never be its poster.
    /// </summary>
    public static List<string> BlackOpening(double blackSeconds, double seconds, int width = 640, int height = 360, int fps = 25) =>
    [
        "-f", "lavfi", "-i", $"color=black:size={width}x{height}:rate={fps}:duration={Inv(blackSeconds)}",
        "-f", "lavfi", "-i", $"testsrc2=size={width}x{height}:rate={fps}:duration={Inv(seconds - blackSeconds)}",
        "-filter_complex", "[0:v][1:v]concat=n=2:v=1[v]", "-map", "[v]",
        "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-force_key_frames", "expr:gte(t,n_forced*2)", "-sc_threshold", "0",
    ];

    /// <summary>The lavfi source of a 440 Hz tone at 48 kHz.</summary>
    public static string Tone(double seconds) => $"sine=frequency=440:sample_rate=48000:duration={Inv(seconds)}";

    /// <summary>A number as ffmpeg reads it, whatever the machine's culture.</summary>
    public static string Inv(double value) => value.ToString(CultureInfo.InvariantCulture);
}
