using Akka.Configuration;

namespace MediaPlatform.Node.Api.Limits;

/// <summary>
/// Request rates one client may use, from <c>media-platform.security.rate-limits</c>: so many requests per
/// <c>window</c> per client address (sign-ups, logins, uploads, title creations) and per account email (logins).
/// A bad value stops the node at start-up naming the setting.
/// </summary>
public sealed record RateLimitSettings(
    TimeSpan Window, int SignUpsPerAddress, int LoginsPerAddress, int LoginsPerEmail, int UploadsPerAddress, int TitlesPerAddress)
{
    public const string Path = "media-platform.security.rate-limits";
    public static readonly RateLimitSettings Default = new(TimeSpan.FromMinutes(1), 10, 20, 10, 20, 30);

    public static RateLimitSettings From(Config root)
    {
        var window = Read(root, "window", Default.Window, (c, p) => c.GetTimeSpan(p));
        if (window <= TimeSpan.Zero || window > TimeSpan.FromDays(1))
            throw new ConfigurationException($"{Path}.window must be a duration between 1ms and 1d, like 1m");
        return new RateLimitSettings(window,
            Count(root, "sign-ups-per-address", Default.SignUpsPerAddress),
            Count(root, "logins-per-address", Default.LoginsPerAddress),
            Count(root, "logins-per-email", Default.LoginsPerEmail),
            Count(root, "uploads-per-address", Default.UploadsPerAddress),
            Count(root, "titles-per-address", Default.TitlesPerAddress));
    }

    private static int Count(Config root, string key, int fallback)
    {
        var value = Read(root, key, fallback, (c, p) => c.GetInt(p));
        return value >= 1 ? value : throw new ConfigurationException($"{Path}.{key} must be a whole number of requests, at least 1");
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
