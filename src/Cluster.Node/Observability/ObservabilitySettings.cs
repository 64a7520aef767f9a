using Akka.Configuration;

namespace MediaPlatform.Node.Observability;

/// <summary><c>media-platform.observability.*</c>: who may read the node's metrics.</summary>
/// <param name="MetricsAnonymous">
/// GET /metrics without the admin token, for a scraper on a private network; off (default) means the admin token,
/// like every management route. With --management-port the endpoint is on that port only either way.
/// </param>
public sealed record ObservabilitySettings(bool MetricsAnonymous)
{
    public const string Path = "media-platform.observability";
    public const string MetricsAnonymousPath = Path + ".metrics-anonymous";

    public static readonly ObservabilitySettings Default = new(MetricsAnonymous: false);

    public static ObservabilitySettings From(Config root)
    {
        if (!root.HasPath(MetricsAnonymousPath)) return Default;
        var text = root.GetString(MetricsAnonymousPath)?.Trim().ToLowerInvariant();
        return text switch
        {
            "on" or "true" or "yes" => new ObservabilitySettings(MetricsAnonymous: true),
            "off" or "false" or "no" => new ObservabilitySettings(MetricsAnonymous: false),
            _ => throw new ConfigurationException($"{MetricsAnonymousPath} must be on or off, not '{text}'"),
        };
    }
}
