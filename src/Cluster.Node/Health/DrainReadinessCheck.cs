using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MediaPlatform.Node.Health;

/// <summary>Not ready once the node drains (<see cref="NodeDrain"/>), whatever the cluster and the journal say.</summary>
public sealed class DrainReadinessCheck(NodeDrain drain) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(drain.IsDraining
            ? HealthCheckResult.Unhealthy("draining: this node is about to leave the cluster")
            : HealthCheckResult.Healthy("not draining"));
}
