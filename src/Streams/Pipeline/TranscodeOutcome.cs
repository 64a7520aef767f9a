using MediaPlatform.Streams.Probing;

namespace MediaPlatform.Streams.Pipeline;

/// <summary>A transcode either completes or the source is refused; faults of ours are exceptions.</summary>
public abstract record TranscodeOutcome
{
    private TranscodeOutcome() { }

    public sealed record Completed(TranscodeSummary Summary) : TranscodeOutcome;

    public sealed record Rejected(RejectionReason Reason, string Message) : TranscodeOutcome;
}
