namespace MediaPlatform.Streams.Live;

/// <summary>How a live transcode ended: the input ended and ffmpeg finished (<see cref="Failed"/> false), or it failed with a reason.</summary>
public sealed record LiveTranscodeOutcome(bool Failed, string Reason, long BytesIn)
{
    public static LiveTranscodeOutcome Ended(long bytes) => new(false, "the broadcaster's connection ended", bytes);
    public static LiveTranscodeOutcome Failure(string reason, long bytes) => new(true, reason, bytes);
}
