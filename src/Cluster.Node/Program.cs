using MediaPlatform.Node;
using MediaPlatform.Node.Configuration;
using MediaPlatform.Node.Hosting;

// 1. Who am I: flags and environment → typed options (bad input: one line on stderr, exit 2).
// 2. Is the world as the options say: writable data dir, free ports, reachable database.
// 3. Build the host: Kestrel + Akka.NET in one process, each area added by its own extension.
// 4. Run until SIGTERM/SIGINT; CoordinatedShutdown leaves the cluster and hands shards over before exit 0.
return await NodeCommand.RunAsync(args, options =>
{
    var builder = WebApplication.CreateSlimBuilder();
    builder.AddNodeLogging(options);
    builder.ListenOnNodePort(options);
    builder.Services.AddNodeAkka(options, NodeHocon.Load(options.ConfigDirectory, options.ExtraConfigFile));
    builder.Services.AddNodeApi();

    var app = builder.Build();
    app.MapNodeEndpoints();
    return app;
});

/// <summary>Entry point type, public for WebApplicationFactory-based tests.</summary>
public partial class Program;
