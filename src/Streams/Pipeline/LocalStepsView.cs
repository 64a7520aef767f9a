namespace MediaPlatform.Streams.Pipeline;

/// <summary>A node's local-step limiter now: its limit, steps running and waiting, and the recent steps, oldest first.</summary>
public sealed record LocalStepsView(int Limit, int Running, int Waiting, IReadOnlyList<LocalStepSpan> Recent);
