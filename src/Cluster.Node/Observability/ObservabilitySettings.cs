using Akka.Configuration;

namespace MediaPlatform.Node.Observability;

/// <summary><c>media-platform.observability.*</c>: whether the node keeps metrics, and who may read them.</summary>
/// <param name="MetricsAnonymous">
/// GET /metrics without the admin token, for a scraper on a private network; off (default) means the admin token,
/// like every management route. With --management-port the endpoint is on that port only either way.
/// </param>
/// <param name="Metrics">
/// On (default): the OpenTelemetry MeterProvider, GET /metrics and the ops page's recent series. Off: none of them
/// (no listener on any instrument, so recording a measurement costs next to nothing); /metrics and
/// /cluster/metrics/recent answer 404.
/// </param>
public sealed record ObservabilitySettings(bool MetricsAnonymous, bool Metrics = true)
{
    public const string Path = "media-platform.observability";
    public const string MetricsAnonymousPath = Path + ".metrics-anonymous";
    public const string MetricsPath = Path + ".metrics";

    public static readonly ObservabilitySettings Default = new(MetricsAnonymous: false);

    public static ObservabilitySettings From(Config root) =>
        new(MetricsAnonymous: Switch(root, MetricsAnonymousPath, false), Metrics: Switch(root, MetricsPath, true));

    private static bool Switch(Config root, string path, bool absent)
    {
        if (!root.HasPath(path)) return absent;
        var text = root.GetString(path)?.Trim().ToLowerInvariant();
        return text switch
        {
            "on" or "true" or "yes" => true,
            "off" or "false" or "no" => false,
            _ => throw new ConfigurationException($"{path} must be on or off, not '{text}'"),
        };
    }
}
