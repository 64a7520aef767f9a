namespace MediaPlatform.Actors.Observability;

/// <summary>
/// One <see cref="System.Diagnostics.Metrics.Meter"/> per area. The node's MeterProvider listens to these names; an
/// instrument on a meter not listed here is never exported.
/// </summary>
public static class MeterNames
{
    public const string Cluster = "MediaPlatform.Cluster";
    public const string Sharding = "MediaPlatform.Sharding";
    public const string Persistence = "MediaPlatform.Persistence";
    public const string Media = "MediaPlatform.Media";
    public const string Billing = "MediaPlatform.Billing";
    public const string Scheduler = "MediaPlatform.Scheduler";

    public static readonly IReadOnlyList<string> All = [Cluster, Sharding, Persistence, Media, Billing, Scheduler];
}
