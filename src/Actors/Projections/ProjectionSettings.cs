using Akka.Configuration;
using MediaPlatform.Actors.Configuration;

namespace MediaPlatform.Actors.Projections;

/// <summary>
/// media-platform.projections: events applied per transaction (at most <see cref="BatchSize"/>, or what arrived
/// within <see cref="BatchWindow"/>), and the back-off between restarts of a failed projection.
/// </summary>
public sealed record ProjectionSettings(int BatchSize, TimeSpan BatchWindow, TimeSpan MinBackoff, TimeSpan MaxBackoff)
{
    public const string Path = "media-platform.projections";

    public static readonly ProjectionSettings Default = new(200, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));

    /// <summary>Reads and checks the settings; a bad value throws a ConfigurationException naming it (exit 2 at start-up).</summary>
    public static ProjectionSettings From(Config root)
    {
        var min = Duration(root, "restart-min-backoff", Default.MinBackoff, TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(10));
        var max = Duration(root, "restart-max-backoff", Default.MaxBackoff, TimeSpan.FromMilliseconds(10), TimeSpan.FromHours(1));
        if (max < min) throw new ConfigurationException($"{Path}.restart-max-backoff must be at least {Path}.restart-min-backoff");
        return new ProjectionSettings(Int(root, "batch-size", Default.BatchSize, 1, 10_000),
            Duration(root, "batch-window", Default.BatchWindow, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(10)), min, max);
    }

    private static TimeSpan Duration(Config root, string key, TimeSpan fallback, TimeSpan min, TimeSpan max) =>
        BoundedSetting.Duration(root, $"{Path}.{key}", fallback, min, max);

    private static int Int(Config root, string key, int fallback, int min, int max) =>
        BoundedSetting.Int(root, $"{Path}.{key}", fallback, min, max);
}
