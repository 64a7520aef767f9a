using Akka.Configuration;

namespace MediaPlatform.Node.Api.Limits;

/// <summary>
/// The node's front door, <c>media-platform.api.in-flight</c>: at most <see cref="Max"/> API requests (each one or a
/// few entity asks) in flight on this node; one more is answered 503 with Retry-After <see cref="RetryAfter"/> at
/// once instead of queueing behind the others. A bad value stops the node at start-up naming the setting.
/// </summary>
public sealed record InFlightLimitSettings(int Max, TimeSpan RetryAfter)
{
    public const string Path = "media-platform.api.in-flight";
    public static readonly InFlightLimitSettings Default = new(512, TimeSpan.FromSeconds(1));

    public static InFlightLimitSettings From(Config root)
    {
        var max = Read(root, "max", Default.Max, (c, p) => c.GetInt(p));
        if (max is < 1 or > 1_000_000) throw new ConfigurationException($"{Path}.max must be a whole number of requests, 1 to 1000000");
        var retryAfter = Read(root, "retry-after", Default.RetryAfter, (c, p) => c.GetTimeSpan(p, null, allowInfinite: false));
        if (retryAfter < TimeSpan.FromSeconds(1) || retryAfter > TimeSpan.FromMinutes(10))
            throw new ConfigurationException($"{Path}.retry-after must be a duration from 1s to 10m, like 1s");
        return new InFlightLimitSettings(max, retryAfter);
    }

    private static T Read<T>(Config root, string key, T fallback, Func<Config, string, T> get)
    {
        var path = $"{Path}.{key}";
        if (!root.HasPath(path)) return fallback;
        try { return get(root, path); }
        catch (Exception e) when (e is not ConfigurationException)
        {
            throw new ConfigurationException($"{path} is not valid ('{root.GetString(path)}'): {e.Message.Split('\n', 2)[0].Trim()}");
        }
    }
}
