using MediaPlatform.Actors.Entities;
using MediaPlatform.Node.Configuration;
using MediaPlatform.Node.Hosting;

namespace MediaPlatform.Node;

/// <summary>The node as one web application: Kestrel and the actor system in one process, each area added by its own extension.</summary>
public static class NodeApp
{
    public static WebApplication Build(NodeOptions options) => Build(options, clock: null);

    /// <param name="clock">A clock for entities and the scheduler (benchmarks and tests move time); null = the configured one.</param>
    public static WebApplication Build(NodeOptions options, IClock? clock)
    {
        var builder = WebApplication.CreateSlimBuilder();
        if (clock is not null) builder.Services.AddSingleton(clock);
        builder.AddNodeLogging(options);
        builder.ListenOnNodePort(options);
        builder.Services.AddNodeAkka(options, NodeHocon.Load(options.ConfigDirectory, options.ExtraConfigFile));
        builder.Services.AddNodeApi(options);

        var app = builder.Build();
        app.MapNodeEndpoints();
        return app;
    }
}
