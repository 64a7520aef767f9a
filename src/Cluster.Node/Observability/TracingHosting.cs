using MediaPlatform.Actors.Observability;
using OpenTelemetry.Exporter;
using OpenTelemetry.Trace;

namespace MediaPlatform.Node.Observability;

/// <summary>
/// Traces, only when --otlp-endpoint names a collector: API requests (ASP.NET Core; which ones: <see cref="NodeTraceSampler"/>), the entity handling and journal
/// writes they cause on any node, and upload pipelines' steps (<see cref="ActivitySources"/>), exported over OTLP/HTTP in batches from a background thread, so a collector that
/// is down costs dropped spans, never a slower or failed request. Without the flag nothing is recorded or sent.
/// </summary>
public static class TracingHosting
{
    public static IServiceCollection AddNodeTracing(this IServiceCollection services, Uri collector, double sampleRatio)
    {
        services.AddOpenTelemetry().WithTracing(tracing => tracing
            .SetSampler(new NodeTraceSampler(sampleRatio))
            .AddSource([.. ActivitySources.All])
            // Scrapes, probes and the ops page's polling of recent metrics would be most of the spans and say nothing.
            .AddAspNetCoreInstrumentation(o => o.Filter = http =>
                !http.Request.Path.StartsWithSegments(ObservabilityHosting.MetricsPath) && !http.Request.Path.StartsWithSegments("/health")
                && !http.Request.Path.StartsWithSegments(RecentMetricsRoutes.Path))
            .AddOtlpExporter(otlp =>
            {
                otlp.Protocol = OtlpExportProtocol.HttpProtobuf;
                otlp.Endpoint = new Uri(collector.ToString().TrimEnd('/') + "/v1/traces");
                otlp.TimeoutMilliseconds = 5000;
            }));
        return services;
    }
}
