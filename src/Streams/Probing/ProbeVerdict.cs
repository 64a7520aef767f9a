namespace MediaPlatform.Streams.Probing;

/// <summary>The outcome of probing and validating a source: a value, never an exception, because a bad upload is the
/// uploader's problem to fix, not a fault of ours.</summary>
public abstract record ProbeVerdict
{
    private ProbeVerdict() { }

    /// <summary>The source can be transcoded.</summary>
    public sealed record Accepted(ProbeResult Probe) : ProbeVerdict;

    /// <summary>The source cannot be transcoded; <see cref="Message"/> is for the person who uploaded it.</summary>
    public sealed record Rejected(RejectionReason Reason, string Message) : ProbeVerdict;
}
