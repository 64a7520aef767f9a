using Akka.Hosting;
using MediaPlatform.Actors.Entities;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MediaPlatform.Node.Health;

/// <summary>
/// Not ready while this node's entities fail to persist (<see cref="JournalWriteHealth"/>): the journal may still answer
/// its health query while every write fails (a locked or full database), and a node that cannot store what it accepts
/// should not be sent requests.
/// </summary>
public sealed class JournalWritesReadinessCheck : IAkkaHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(AkkaHealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var health = JournalWriteHealth.Get(context.ActorSystem);
        return Task.FromResult(health.FailingFor() is { } failing
            ? HealthCheckResult.Unhealthy($"journal writes failing: the last persist failed {failing.TotalSeconds:0.0} s ago and none has succeeded since " +
                                          $"({health.Failures} failures since start-up; ready again after a successful write or {health.Window.TotalSeconds:0} s without failures)")
            : HealthCheckResult.Healthy("journal writes succeed"));
    }
}
