using Akka.Configuration;

namespace MediaPlatform.Node.Api.Trending;

/// <summary>
/// Trending settings, read from <c>media-platform.trending</c>: how often each node drops the replicated counters'
/// buckets that are older than their window (<see cref="PruneInterval"/>). Reading never counts a stale bucket, so the
/// interval only bounds how long they take up memory and gossip.
/// </summary>
public sealed record TrendingSettings(TimeSpan PruneInterval)
{
    public const string Path = "media-platform.trending";

    public static readonly TrendingSettings Default = new(TimeSpan.FromMinutes(1));

    public static TrendingSettings From(Config root)
    {
        var path = $"{Path}.prune-interval";
        TimeSpan value;
        try { value = root.HasPath(path) ? root.GetTimeSpan(path, Default.PruneInterval, allowInfinite: false) : Default.PruneInterval; }
        catch (Exception e) when (e is not ConfigurationException) { throw new ConfigurationException($"{path} is not a duration like 1m: {e.Message}"); }
        return value >= TimeSpan.FromMilliseconds(100) && value <= TimeSpan.FromHours(1)
            ? new TrendingSettings(value)
            : throw new ConfigurationException($"{path} must be between 100ms and 1h");
    }
}
