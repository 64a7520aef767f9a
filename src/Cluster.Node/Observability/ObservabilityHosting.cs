using System.Diagnostics.Metrics;
using MediaPlatform.Actors.Observability;
using MediaPlatform.Node.Configuration;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace MediaPlatform.Node.Observability;

/// <summary>
/// OpenTelemetry metrics on every node: our meters (one per area), ASP.NET Core's request duration, .NET runtime and
/// process metrics, read by Prometheus from GET /metrics (<see cref="MetricsAccess"/> says who may).
/// </summary>
public static class ObservabilityHosting
{
    public const string MetricsPath = "/metrics";

    public static IServiceCollection AddNodeObservability(this IServiceCollection services, NodeOptions options, ObservabilitySettings settings)
    {
        services.AddSingleton(settings);
        if (options.OtlpEndpoint is { } collector) services.AddNodeTracing(collector, options.TraceSampleRatio);
        if (!settings.Metrics) return services;
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("media-platform", serviceInstanceId: options.NodeName))
            .WithMetrics(metrics => metrics
                .AddMeter([.. MeterNames.All])
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddProcessInstrumentation()
                // No response cache: scrapes need the admin token, and each one then sees every change made before it.
                .AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0));
        services.ConfigureOpenTelemetryMeterProvider((provider, metrics) => metrics.AddView(OnlyThisHost(provider.GetRequiredService<IMeterFactory>())));
        services.AddHostedService<ClusterMetrics>();
        services.AddHostedService<ShardRegionMetrics>();
        services.AddHostedService<RecentMetricsRecorder>();
        return services;
    }

    /// <summary>
    /// Several nodes in one process (tests, benchmarks) each create meters of the same names through their own
    /// IMeterFactory; the SDK would merge them by name, and when one node stops its instruments end the merged series
    /// for all. Each node's provider therefore reads only its own factory's meters (and the process-wide static ones).
    /// </summary>
    private static Func<Instrument, MetricStreamConfiguration?> OnlyThisHost(IMeterFactory own) =>
        instrument => instrument.Meter.Scope is IMeterFactory factory && !ReferenceEquals(factory, own) ? MetricStreamConfiguration.Drop : null;

    /// <summary>GET /metrics; not mapped when <c>media-platform.observability.metrics = off</c> (404).</summary>
    public static IEndpointRouteBuilder MapMetricsEndpoint(this IEndpointRouteBuilder app)
    {
        if (!app.ServiceProvider.GetRequiredService<ObservabilitySettings>().Metrics) return app;
        app.MapPrometheusScrapingEndpoint(MetricsPath, meterProvider: null, configureBranchedPipeline: MetricsAccess.Guard, optionsName: null)
            .WithTags("observability");
        return app;
    }
}
