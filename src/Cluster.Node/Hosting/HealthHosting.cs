using Akka.Cluster.Hosting;
using Akka.Hosting;
using MediaPlatform.Node.Health;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace MediaPlatform.Node.Hosting;

/// <summary>
/// Liveness: the actor system runs. Readiness: this member is Up in the cluster, the journal answers, this node's
/// writes to it are not failing and the node is not draining.
/// Kubernetes (and the local scripts) route traffic only to ready nodes.
/// </summary>
public static class HealthHosting
{
    public const string LiveTag = "liveness";
    public const string ReadyTag = "ready";

    public static AkkaConfigurationBuilder WithNodeHealthChecks(this AkkaConfigurationBuilder builder) => builder
        .WithActorSystemLivenessCheck(tags: [LiveTag])
        .WithAkkaClusterReadinessCheck(tags: [ReadyTag])
        .WithHealthCheck("journal", new JournalReadinessCheck(), tags: [ReadyTag], timeout: TimeSpan.FromSeconds(5))
        .WithHealthCheck("journal-writes", new JournalWritesReadinessCheck(), tags: [ReadyTag]);

    /// <summary>Draining (SIGUSR1, then SIGTERM) turns readiness to 503 before the node leaves.</summary>
    public static IServiceCollection AddNodeDrain(this IServiceCollection services)
    {
        services.AddSingleton<NodeDrain>();
        services.AddHostedService(sp => sp.GetRequiredService<NodeDrain>());
        services.AddHealthChecks().AddCheck<DrainReadinessCheck>("draining", tags: [ReadyTag]);
        return services;
    }

    public static WebApplication MapHealthEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions
        {
            Predicate = r => r.Tags.Contains(LiveTag),
            ResponseWriter = HealthResponseWriter.WriteAsync,
        });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = r => r.Tags.Contains(ReadyTag),
            ResponseWriter = HealthResponseWriter.WriteAsync,
        });
        return app;
    }
}
