namespace MediaPlatform.Bench.Projections;

/// <summary>What a --lag run observed, in seconds since the load started.</summary>
/// <param name="MovedTo">The node the singleton was seen on after the kill, and when; null if never within the deadline.</param>
/// <param name="BillingEventsWritten">Rows of the billing tag the journal gained while the load ran.</param>
/// <param name="CaughtUpAfterLoad">Seconds from the load's end until every projection was 0 events behind; null if never.</param>
public sealed record LagRun(LagOptions Options, string Victim, double KillAt, (string Node, double At)? MovedTo, double LoadEnd,
    long BillingEventsWritten, LagTally Tally, IReadOnlyList<LagSample> Samples, int MissedSamples, double? CaughtUpAfterLoad);
