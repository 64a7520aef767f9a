namespace MediaPlatform.Node.Tests.Api.Titles;

/// <summary>A tiny H.264/AAC MP4 generated with ffmpeg's lavfi sources at test time (no media is committed).</summary>
public static class TestClip
{
    public static Task<byte[]> Mp4Async(double seconds = 2, int width = 160, int height = 120) =>
        MediaPlatform.Testing.Media.Clips.Mp4BytesAsync(seconds, width, height);
}
