namespace MediaPlatform.Streams.Probing;

/// <summary>
/// What a source file holds, as plain values (it is stored inside events, so no FFMpegCore types).
/// <see cref="Rotation"/> is the display-matrix rotation ffprobe reports, normalized to 0/90/180/270 degrees
/// counter-clockwise; <see cref="DisplayWidth"/>/<see cref="DisplayHeight"/> are the picture as shown, after rotation
/// and pixel aspect. <see cref="FrameCount"/>, keyframe figures and <see cref="ReadableDuration"/> come from reading
/// every video packet (no decoding): how far the file really goes, which catches truncated uploads whose header still
/// claims the full length. <see cref="ReadError"/> is the first complaint of the demuxer during that read, if any.
/// </summary>
public sealed record ProbeResult(
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
    TimeSpan AudioStart);
