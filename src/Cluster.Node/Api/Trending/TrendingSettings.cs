using Akka.Configuration;

namespace MediaPlatform.Node.Api.Trending;

/// <summary>
/// Trending settings, read from <c>media-platform.trending</c>: how often each node sends the views it counted to the
/// titles' durable daily counts (<see cref="FlushInterval"/>; views still in a node's buffer when it dies are missing
/// from the durable count, never from the replicated counters of the nodes that survive).
/// </summary>
public sealed record TrendingSettings(TimeSpan FlushInterval)
{
    public const string Path = "media-platform.trending";

    public static readonly TrendingSettings Default = new(TimeSpan.FromSeconds(10));

    public static TrendingSettings From(Config root)
    {
        var path = $"{Path}.flush-interval";
        TimeSpan value;
        try { value = root.HasPath(path) ? root.GetTimeSpan(path, Default.FlushInterval, allowInfinite: false) : Default.FlushInterval; }
        catch (Exception e) when (e is not ConfigurationException) { throw new ConfigurationException($"{path} is not a duration like 10s: {e.Message}"); }
        return value >= TimeSpan.FromMilliseconds(100) && value <= TimeSpan.FromHours(1)
            ? new TrendingSettings(value)
            : throw new ConfigurationException($"{path} must be between 100ms and 1h");
    }
}
