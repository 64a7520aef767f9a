namespace MediaPlatform.Streams.Probing;

/// <summary>Why a source was refused; the message next to it says what to do about it.</summary>
public enum RejectionReason
{
    Missing,
    Empty,
    Unreadable,
    Truncated,
    NoVideoStream,
    ZeroDuration,
    UnsupportedCodec,
    AbsurdDimensions,
    /// <summary>Longer than the uploader's quota allows (media-platform.quotas.source-duration).</summary>
    TooLong,
}
