using Akka.Configuration;
using MediaPlatform.Actors.Configuration;

namespace MediaPlatform.Actors.Live;

/// <summary>
/// Live stream settings, read from <c>media-platform.live</c> (defaults when absent): the ingest's heartbeat and how
/// long a silent ingest is still taken as alive, and the limits on one ingest (length, bytes, a body that stalls).
/// </summary>
public sealed record LiveSettings(
    TimeSpan HeartbeatInterval,
    TimeSpan IngestSilenceTimeout,
    TimeSpan MaxDuration,
    long MaxIngestBytes,
    TimeSpan StallTimeout,
    int MaxStreamsPerNode)
{
    public const string Path = "media-platform.live";

    public static readonly LiveSettings Default = new(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10), TimeSpan.FromHours(4),
        20L * 1024 * 1024 * 1024, TimeSpan.FromSeconds(10), 4);

    /// <summary>Reads and checks the settings; a bad value throws a ConfigurationException naming it (exit 2 at start-up).</summary>
    public static LiveSettings From(Config root)
    {
        var heartbeat = Duration(root, "heartbeat-interval", Default.HeartbeatInterval, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(1));
        var silence = Duration(root, "ingest-silence-timeout", Default.IngestSilenceTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));
        if (silence < heartbeat * 2)
            throw new ConfigurationException($"{Path}.ingest-silence-timeout must be at least twice {Path}.heartbeat-interval");
        return new LiveSettings(heartbeat, silence,
            Duration(root, "max-duration", Default.MaxDuration, TimeSpan.FromSeconds(10), TimeSpan.FromDays(2)),
            Bytes(root, "max-ingest-bytes", Default.MaxIngestBytes, 1024 * 1024),
            Duration(root, "stall-timeout", Default.StallTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5)),
            Int(root, "max-streams-per-node", Default.MaxStreamsPerNode, 1, 64));
    }

    private static TimeSpan Duration(Config root, string key, TimeSpan fallback, TimeSpan min, TimeSpan max) =>
        BoundedSetting.Duration(root, $"{Path}.{key}", fallback, min, max);

    private static long Bytes(Config root, string key, long fallback, long min) =>
        BoundedSetting.Bytes(root, $"{Path}.{key}", fallback, min);

    private static int Int(Config root, string key, int fallback, int min, int max) =>
        BoundedSetting.Int(root, $"{Path}.{key}", fallback, min, max);
}
