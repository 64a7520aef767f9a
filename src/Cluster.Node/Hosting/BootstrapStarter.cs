using Akka.Actor;
using Akka.Management.Cluster.Bootstrap;
using Akka.Management.Dsl;
using MediaPlatform.Node.Configuration;

namespace MediaPlatform.Node.Hosting;

/// <summary>Starts cluster bootstrap once Kestrel listens (other nodes probe our /bootstrap/seed-nodes).</summary>
public sealed class BootstrapStarter(NodeOptions options, ActorSystem system, IHostApplicationLifetime lifetime, ILogger<BootstrapStarter> log)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Discovery == DiscoveryMode.None) return Task.CompletedTask;
        lifetime.ApplicationStarted.Register(() => _ = StartBootstrapAsync());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task StartBootstrapAsync()
    {
        var protocolCheck = options.Discovery == DiscoveryMode.Config ? new ContactPointProtocolCheck(options, system, log) : null;
        if (protocolCheck is not null && !await protocolCheck.FirstRoundAsync(lifetime.ApplicationStopping)) return;
        try
        {
            var bootstrap = ClusterBootstrap.Get(system);
            // Routes() records our own contact point (so we recognise ourselves among the discovered ones).
            bootstrap.Routes(ManagementRouteProviderSettings.Create(new Uri($"http://{options.PublicHostname}:{options.HttpPort}/"), true));
            await bootstrap.Start();
            log.LogInformation("Cluster bootstrap started: discovery {Discovery}, service {Service}, {Required} contact point(s) required",
                options.Discovery, options.ServiceName, options.RequiredContactPoints);
        }
        catch (Exception e)
        {
            log.LogCritical(e, "Cluster bootstrap failed to start; stopping the node");
            lifetime.StopApplication();
            return;
        }
        if (protocolCheck is not null) await protocolCheck.WatchTheRestAsync(lifetime.ApplicationStopping);
    }
}
