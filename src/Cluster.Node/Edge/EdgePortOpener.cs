using MediaPlatform.Node.Health;
using MediaPlatform.Node.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MediaPlatform.Node.Edge;

/// <summary>
/// Opens the edge port the first time the node is ready (member Up, journal answering; what /health/ready says) and
/// closes it when the node starts draining (SIGUSR1 or SIGTERM). It does not close for a later readiness dip: the
/// balancer's passive health and 5xx retries cover a node that is briefly unhealthy.
/// </summary>
public sealed class EdgePortOpener(EdgePort port, NodeDrain drain, HealthCheckService health, ILogger<EdgePortOpener> log) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    private CancellationTokenRegistration _closeOnDrain;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _closeOnDrain = drain.Draining.Register(port.Close);
        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _closeOnDrain.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested && !drain.IsDraining)
        {
            try
            {
                var report = await health.CheckHealthAsync(r => r.Tags.Contains(HealthHosting.ReadyTag), stoppingToken);
                if (report.Status == HealthStatus.Healthy)
                {
                    port.Open();
                    return;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception e)
            {
                log.LogDebug(e, "Readiness check before opening the edge port failed; trying again");
            }
            try { await Task.Delay(Poll, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }
}
