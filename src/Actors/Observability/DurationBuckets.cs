namespace MediaPlatform.Actors.Observability;

/// <summary>
/// Histogram bucket boundaries in seconds. The SDK's default boundaries (0 … 10000) are meant for milliseconds and
/// would put every journal write in the first bucket.
/// </summary>
public static class DurationBuckets
{
    /// <summary>Journal writes and recoveries: 1 ms … 10 s.</summary>
    public static readonly IReadOnlyList<double> Short = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    /// <summary>Encodes: 0.5 s … 30 min.</summary>
    public static readonly IReadOnlyList<double> Long = [0.5, 1, 2.5, 5, 10, 20, 30, 60, 120, 300, 600, 1800];
}
