using Akka.Hosting;
using MediaPlatform.Node.Configuration;

namespace MediaPlatform.Node.Hosting;

/// <summary>The node's actor system: shared HOCON, cluster, persistence, health checks, one logger.</summary>
public static class AkkaHosting
{
    public static IServiceCollection AddNodeAkka(this IServiceCollection services, NodeOptions options, Akka.Configuration.Config sharedHocon)
    {
        services.AddSingleton(options);
        services.AddHealthChecks();
        services.AddAkka(options.ClusterName, (builder, _) =>
        {
            builder
                .ConfigureLoggers(loggers =>
                {
                    loggers.ClearLoggers();
                    loggers.AddLoggerFactory();
                })
                .WithNodeCluster(options)
                .WithNodePersistence(options)
                .WithNodeHealthChecks()
                // Shared tuning from config/*.hocon goes on top of the plugins' defaults; node identity set above
                // through typed options never appears in those files, so nothing here can override it.
                .AddHocon(sharedHocon, HoconAddMode.Prepend);
        });
        services.AddHostedService<BootstrapStarter>();
        return services;
    }
}
