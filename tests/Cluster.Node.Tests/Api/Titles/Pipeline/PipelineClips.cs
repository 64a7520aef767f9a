using MediaPlatform.Testing.Media;

namespace MediaPlatform.Node.Tests.Api.Titles.Pipeline;

/// <summary>Sources for the pipeline specs, generated with ffmpeg's lavfi at test time (no media is committed).</summary>
public static class PipelineClips
{
    // Keyframes every 2 s, as cameras and exports commonly have them: the source splits into several chunks.
    private const string X264 = "-c:v libx264 -preset ultrafast -pix_fmt yuv420p -force_key_frames expr:gte(t,n_forced*2)";

    /// <summary>A moving test picture with a tone: what a good upload looks like.</summary>
    public static Task<byte[]> GoodAsync(double seconds, int width, int height) =>
        Clips.BytesAsync("good.mp4", ClipArguments.TestPicture(seconds, width, height, audioBitrate: "96k"));

    /// <summary>A picture that is black from start to end (with sound): quality control must block it.</summary>
    public static Task<byte[]> AllBlackAsync(double seconds) => MakeAsync("black.mp4",
        $"-f lavfi -i color=c=black:size=320x240:rate=25:duration={ClipArguments.Inv(seconds)} -f lavfi -i {ClipArguments.Tone(seconds)} " +
        $"{X264} -c:a aac -shortest -movflags +faststart");

    /// <summary>A moving test picture (with a tone) that is black from <paramref name="from"/> to <paramref name="to"/> seconds.</summary>
    public static Task<byte[]> BlackSectionAsync(double seconds, double from, double to) => MakeAsync("black-section.mp4",
        $"-f lavfi -i testsrc2=size=320x240:rate=25:duration={ClipArguments.Inv(seconds)},drawbox=x=0:y=0:w=iw:h=ih:color=black:t=fill:" +
        $"enable=between(t\\,{ClipArguments.Inv(from)}\\,{ClipArguments.Inv(to)}) -f lavfi -i {ClipArguments.Tone(seconds)} " +
        $"{X264} -c:a aac -shortest -movflags +faststart");

    public static Task<byte[]> AudioOnlyAsync() => MakeAsync("audio.m4a", "-f lavfi -i sine=frequency=440:sample_rate=48000:duration=2 -c:a aac");

    public static Task<byte[]> CinepakAsync() => MakeAsync("cinepak.mov", "-f lavfi -i testsrc2=size=64x48:rate=10:duration=1 -c:v cinepak");

    public static Task<byte[]> AbsurdSizeAsync() => MakeAsync("sized.mp4", $"-f lavfi -i testsrc2=size=10000x16:rate=25:duration=0.4 {X264}");

    public static async Task<byte[]> CutInHalfAsync()
    {
        var whole = await GoodAsync(6, 320, 240);
        return whole[..(whole.Length / 2)];
    }

    public static byte[] Garbage()
    {
        var bytes = new byte[64 * 1024];
        new Random(7).NextBytes(bytes);
        return bytes;
    }

    private static Task<byte[]> MakeAsync(string name, string arguments) =>
        Clips.BytesAsync(name, arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
