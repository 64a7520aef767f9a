using MediaPlatform.Node.Configuration;

namespace MediaPlatform.Node.Hosting;

/// <summary>
/// Registers the settings read once at start-up: <see cref="NodeSettings"/> and each part routes and services take
/// (upload limits, pipeline, pricing, quotas, rate limits, trusted proxies), so nothing reads HOCON a second time.
/// </summary>
public static class SettingsHosting
{
    public static IServiceCollection AddNodeSettings(this IServiceCollection services, NodeSettings settings) => services
        .AddSingleton(settings)
        .AddSingleton(settings.Titles)
        .AddSingleton(settings.Pipeline)
        .AddSingleton(settings.Pricing)
        .AddSingleton(settings.Quotas)
        .AddSingleton(settings.RateLimits)
        .AddSingleton(settings.TrustedProxies)
        .AddSingleton(settings.Images)
        .AddSingleton(new Api.Limits.InFlightLimit(settings.InFlight));
}
