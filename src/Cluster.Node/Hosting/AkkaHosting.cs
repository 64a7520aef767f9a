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
                // Shared tuning from config/*.hocon (and the operator's --config file) first: every With* below
                // prepends its own settings on top, so node identity from flags always wins over a HOCON file.
                .AddHocon(sharedHocon, HoconAddMode.Prepend)
                .ConfigureLoggers(loggers =>
                {
                    loggers.ClearLoggers();
                    loggers.AddLoggerFactory();
                })
                .WithNodeCluster(options)
                .WithNodePersistence(options)
                .WithNodeHealthChecks();
        });
        services.AddHostedService<BootstrapStarter>();
        return services;
    }
}
