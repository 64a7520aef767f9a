using MediaPlatform.Node.Configuration;
using MediaPlatform.Node.Hosting;

namespace MediaPlatform.Node;

/// <summary>The node as one web application: Kestrel and the actor system in one process, each area added by its own extension.</summary>
public static class NodeApp
{
    public static WebApplication Build(NodeOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.AddNodeLogging(options);
        builder.ListenOnNodePort(options);
        builder.Services.AddNodeAkka(options, NodeHocon.Load(options.ConfigDirectory, options.ExtraConfigFile));
        builder.Services.AddNodeApi(options);

        var app = builder.Build();
        app.MapNodeEndpoints();
        return app;
    }
}
