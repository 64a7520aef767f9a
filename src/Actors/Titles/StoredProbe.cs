using MediaPlatform.Streams.Probing;

namespace MediaPlatform.Actors.Titles;

/// <summary>
/// A probe result as the title's journal stores it (<see cref="TitleProbed"/>, the title snapshot). Owned here, not
/// by Streams, so renaming a field of <see cref="ProbeResult"/> cannot change stored events; mapped at the boundary.
/// Field names and order match the stored JSON: never rename one (a new shape is a new event manifest).
/// </summary>
public sealed record StoredProbe(
    string Container,
    TimeSpan Duration,
    int Width,
    int Height,
    int DisplayWidth,
    int DisplayHeight,
    int Rotation,
    double FrameRate,
    bool IsVariableFrameRate,
    string VideoCodec,
    string PixelFormat,
    long BitRate,
    TimeSpan VideoStart,
    int FrameCount,
    int KeyframeCount,
    TimeSpan MaxKeyframeInterval,
    TimeSpan ReadableDuration,
    string? ReadError,
    bool HasAudio,
    string? AudioCodec,
    int AudioChannels,
    int AudioSampleRate,
    TimeSpan AudioStart)
{
    public static StoredProbe From(ProbeResult p) =>
        new(p.Container, p.Duration, p.Width, p.Height, p.DisplayWidth, p.DisplayHeight, p.Rotation, p.FrameRate,
            p.IsVariableFrameRate, p.VideoCodec, p.PixelFormat, p.BitRate, p.VideoStart, p.FrameCount, p.KeyframeCount,
            p.MaxKeyframeInterval, p.ReadableDuration, p.ReadError, p.HasAudio, p.AudioCodec, p.AudioChannels,
            p.AudioSampleRate, p.AudioStart);

    public ProbeResult ToProbe() =>
        new(Container, Duration, Width, Height, DisplayWidth, DisplayHeight, Rotation, FrameRate, IsVariableFrameRate,
            VideoCodec, PixelFormat, BitRate, VideoStart, FrameCount, KeyframeCount, MaxKeyframeInterval, ReadableDuration,
            ReadError, HasAudio, AudioCodec, AudioChannels, AudioSampleRate, AudioStart);
}
