using Akka.Actor;
using Akka.Hosting;
using Akka.Persistence;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MediaPlatform.Node.Health;

/// <summary>Asks the default journal for its health; unhealthy when it does not answer or its breaker is open.</summary>
public sealed class JournalReadinessCheck : IAkkaHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(AkkaHealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var journal = Akka.Persistence.Persistence.Instance.Apply(context.ActorSystem).JournalFor(null);
            var response = await journal.Ask<JournalHealthCheckResponse>(
                new CheckJournalHealth(cancellationToken), TimeSpan.FromSeconds(5), cancellationToken);
            var result = response.Result;
            return result.Status switch
            {
                PersistenceHealthStatus.Healthy => HealthCheckResult.Healthy("journal answers"),
                PersistenceHealthStatus.Degraded => HealthCheckResult.Degraded($"journal degraded: {result.Description}", result.Exception),
                _ => HealthCheckResult.Unhealthy($"journal unhealthy: {result.Description}", result.Exception),
            };
        }
        catch (Exception e) when (e is AskTimeoutException or OperationCanceledException or TaskCanceledException)
        {
            return HealthCheckResult.Unhealthy("journal did not answer in time");
        }
    }
}
