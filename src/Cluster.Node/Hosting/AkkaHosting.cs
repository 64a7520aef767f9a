using Akka.Hosting.Logging;
using Akka.Hosting;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Storage;
using MediaPlatform.Node.Configuration;
using MediaPlatform.Node.Logging;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MediaPlatform.Node.Hosting;

/// <summary>The node's actor system: shared HOCON, cluster, persistence, health checks, one logger.</summary>
public static class AkkaHosting
{
    /// <summary>The actor system from shared HOCON (tests and benchmarks that layer their own); settings are read from it here.</summary>
    public static IServiceCollection AddNodeAkka(this IServiceCollection services, NodeOptions options, Akka.Configuration.Config sharedHocon) =>
        services.AddNodeAkka(options, NodeConfiguration.From(sharedHocon));

    public static IServiceCollection AddNodeAkka(this IServiceCollection services, NodeOptions options, NodeConfiguration configuration)
    {
        var (sharedHocon, settings) = (configuration.Hocon, configuration.Settings);
        services.AddSingleton(options);
        services.AddNodeSettings(settings);
        services.AddHealthChecks();
        services.AddReadModels(options, settings);
        // The actors (title pipelines) and the HTTP routes (uploads, playback) share one blob store.
        services.TryAddSingleton<IBlobStore>(_ => new DirectoryBlobStore(options.BlobDirectory));
        services.AddAkka(options.ClusterName, (builder, provider) =>
        {
            // Tests register a clock they control; otherwise the system clock, shifted by media-platform.clock.offset.
            var clock = provider.GetService<IClock>() ?? ClockFrom(settings.ClockOffset);
            builder
                // Shared tuning from config/*.hocon (and the operator's --config file) first: every With* below
                // prepends its own settings on top, so node identity from flags always wins over a HOCON file.
                .AddHocon(sharedHocon, HoconAddMode.Prepend)
                // JSON logs: what Akka prints itself (before its loggers start, after they stop) is JSON too.
                .AddHocon(options.LogFormat == NodeLogFormat.Json ? Akka.Configuration.ConfigurationFactory.ParseString(JsonStandardOutLogger.Hocon) : Akka.Configuration.Config.Empty, HoconAddMode.Prepend)
                .AddSetup(new LoggerFactorySetup(provider.GetRequiredService<ILoggerFactory>()))
                .ConfigureLoggers(loggers =>
                {
                    loggers.ClearLoggers();
                    loggers.AddLogger<AkkaLogBridge>();
                    loggers.LogLevel = AkkaLevel(options.LogLevel);
                })
                .WithNodeCluster(options)
                .WithNodePersistence(options, settings.SqliteBusyTimeout, settings.JournalWritePath)
                .WithNodeEntities(settings, clock)
                .WithLoginGuards(settings, clock)
                .WithFriendEntities(settings, clock)
                .WithPartyEntities(settings, clock)
                .WithLiveEntities(settings, clock)
                .WithWatchHistory(settings, clock)
                .WithTitleEntities(settings, clock)
                .WithImagePipeline(settings, clock)
                .WithTranscodeQueue(settings, clock)
                .WithTitlePipelines(options, settings)
                .WithNodeScheduler(options, settings, clock)
                .WithProjections(settings)
                .WithNodeHealthChecks();
        });
        services.AddHostedService<BootstrapStarter>();
        return services;
    }

    private static IClock ClockFrom(TimeSpan offset)
    {
        return offset == TimeSpan.Zero ? SystemClock.Instance : new OffsetClock(offset);
    }

    // Akka filters before the bridge sees an event; keep its threshold in step with the node's --log-level.
    private static Akka.Event.LogLevel AkkaLevel(string level) => level switch
    {
        "Trace" or "Debug" => Akka.Event.LogLevel.DebugLevel,
        "Information" => Akka.Event.LogLevel.InfoLevel,
        "Warning" => Akka.Event.LogLevel.WarningLevel,
        _ => Akka.Event.LogLevel.ErrorLevel,
    };
}
