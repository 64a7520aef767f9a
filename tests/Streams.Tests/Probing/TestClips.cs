using MediaPlatform.Testing.Media;

namespace MediaPlatform.Streams.Tests.Probing;

/// <summary>Odd sources the standard clip generator does not make, all from lavfi (no committed media).</summary>
public static class TestClips
{
    private const string X264 = "-c:v libx264 -preset ultrafast";

    /// <summary>Odd width and height (testsrc2 rounds its size to even, so scale after it): 4:4:4, since 4:2:0
    /// cannot be odd-sized.</summary>
    public static Task<GeneratedClip> OddSizeAsync(int width = 321, int height = 241, double seconds = 4) =>
        Raw("odd.mp4", $"-f lavfi -i testsrc2=size=320x240:rate=25:duration={Inv(seconds)} -vf scale={width}:{height} " +
                       $"{X264} -pix_fmt yuv444p -force_key_frames expr:gte(t,n_forced*2) -sc_threshold 0");

    /// <summary>120 frames over 5 s: 30 fps for 1 s, 15 fps for 2 s, 30 fps for 2 s.</summary>
    public static Task<GeneratedClip> VariableFrameRateAsync() =>
        Raw("vfr.mp4", "-f lavfi -i testsrc2=size=320x240:rate=30:duration=4 " +
                       "-vf setpts='if(lt(N,30),N/30,if(lt(N,60),1+(N-30)/15,3+(N-60)/30))/TB' -fps_mode vfr " +
                       $"{X264} -pix_fmt yuv420p -force_key_frames expr:gte(t,n_forced*2) -sc_threshold 0");

    /// <summary>A 320x240 picture with a display matrix (from the legacy "rotate" tag; ffprobe then reports
    /// the same angle, or its negative). ffmpeg 5.1 writes it reliably only on stream copy, hence two steps.</summary>
    public static async Task<GeneratedClip> RotatedAsync(int degrees = 90, double seconds = 4, bool audio = false)
    {
        using var upright = await GeneratedClip.VideoAsync(seconds, audio: audio);
        return await GeneratedClip.RawAsync("rotated.mp4",
            ["-i", upright.Path, "-map", "0", "-c", "copy", "-metadata:s:v", $"rotate={degrees}"]);
    }

    public static Task<GeneratedClip> AudioOnlyAsync() =>
        Raw("audio.m4a", "-f lavfi -i sine=frequency=440:sample_rate=48000:duration=2 -c:a aac");

    /// <summary>MP4 with its index at the end (no faststart), as cameras write it.</summary>
    public static Task<GeneratedClip> IndexAtEndAsync() =>
        Raw("camera.mp4", $"-f lavfi -i testsrc2=size=320x240:rate=25:duration=4 {X264} -pix_fmt yuv420p");

    public static Task<GeneratedClip> SizedAsync(int width, int height, double seconds = 0.4) =>
        Raw("sized.mp4", $"-f lavfi -i testsrc2=size={width}x{height}:rate=25:duration={Inv(seconds)} {X264} -pix_fmt yuv420p");

    /// <summary>Cinepak in MOV: decodable by ffmpeg, but nothing we accept.</summary>
    public static Task<GeneratedClip> CinepakAsync() =>
        Raw("cinepak.mov", "-f lavfi -i testsrc2=size=64x48:rate=10:duration=1 -c:v cinepak");

    /// <summary>Keyframes every <paramref name="gopSeconds"/> (not a divisor of the chunk length).</summary>
    public static Task<GeneratedClip> IrregularGopAsync(double gopSeconds = 3, double seconds = 10) =>
        Raw("gop.mp4", $"-f lavfi -i testsrc2=size=320x240:rate=25:duration={Inv(seconds)} {X264} -pix_fmt yuv420p " +
                       $"-force_key_frames expr:gte(t,n_forced*{Inv(gopSeconds)}) -sc_threshold 0");

    /// <summary>Writes the first half of <paramref name="clip"/>'s bytes to a new file in its folder.</summary>
    public static string CutInHalf(GeneratedClip clip, string name = "half.mp4")
    {
        var bytes = File.ReadAllBytes(clip.Path);
        var path = Path.Combine(clip.Folder, name);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        return path;
    }

    private static string Inv(double value) => ClipArguments.Inv(value);

    private static Task<GeneratedClip> Raw(string name, string arguments) =>
        GeneratedClip.RawAsync(name, arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
