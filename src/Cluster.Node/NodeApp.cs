using MediaPlatform.Actors.Entities;
using MediaPlatform.Node.Configuration;
using MediaPlatform.Node.Hosting;
using MediaPlatform.Node.Observability;

namespace MediaPlatform.Node;

/// <summary>The node as one web application: Kestrel and the actor system in one process, each area added by its own extension.</summary>
public static class NodeApp
{
    public static WebApplication Build(NodeOptions options) => Build(options, clock: null);

    /// <summary>Builds the node from the configuration the command line already loaded and checked.</summary>
    public static WebApplication Build(NodeOptions options, NodeConfiguration configuration) => Build(options, configuration, clock: null);

    /// <param name="clock">A clock for entities and the scheduler (benchmarks and tests move time); null = the configured one.</param>
    public static WebApplication Build(NodeOptions options, IClock? clock) => Build(options, NodeConfiguration.Load(options), clock);

    private static WebApplication Build(NodeOptions options, NodeConfiguration configuration, IClock? clock)
    {
        var builder = WebApplication.CreateSlimBuilder();
        if (clock is not null) builder.Services.AddSingleton(clock);
        builder.AddNodeLogging(options);
        builder.ListenOnNodePort(options);
        builder.Services.AddNodeAkka(options, configuration);
        builder.Services.AddNodeApi(options);
        builder.Services.AddNodeObservability(options, configuration.Settings.Observability);

        var app = builder.Build();
        app.MapNodeEndpoints();
        return app;
    }
}
