using MediaPlatform.Testing.Media;

namespace MediaPlatform.Bench.Media;

/// <summary>The source every scenario encodes: a moving test picture with a tone, keyframes every 2 s (as exports have).</summary>
public static class BenchSource
{
    public static Task WriteAsync(string path, int seconds) =>
        Clips.WriteAsync(path, ClipArguments.TestPicture(seconds, 1280, 720, preset: "veryfast", audioBitrate: "192k"));
}
