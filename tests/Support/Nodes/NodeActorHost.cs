using Akka.Actor;
using Akka.Configuration;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Node.Configuration;
using MediaPlatform.Node.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MediaPlatform.Testing.Nodes;

/// <summary>
/// A node's actor system exactly as the binary wires it (AddNodeAkka: cluster, persistence, shard regions,
/// singletons) in a generic host without Kestrel, in this process. Logs go to the console only with TEST_NODE_LOGS=1.
/// </summary>
public sealed class NodeActorHost : IAsyncDisposable
{
    private readonly IHost _host;

    private NodeActorHost(IHost host, NodeOptions options) => (_host, Options) = (host, options);

    public NodeOptions Options { get; }

    public IServiceProvider Services => _host.Services;

    public ActorSystem System => _host.Services.GetRequiredService<ActorSystem>();

    /// <summary>Runs the start-up checks (as the binary does: they create the data dir), then starts the host.
    /// <paramref name="clock"/>, when given, replaces the wall clock (specs that move time).</summary>
    public static async Task<NodeActorHost> StartAsync(NodeOptions options, Config sharedHocon, IClock? clock = null)
    {
        await StartupChecks.RunAsync(options, TimeSpan.FromSeconds(10));
        var host = Host.CreateDefaultBuilder()
            .ConfigureLogging(l =>
            {
                l.ClearProviders();
                if (Environment.GetEnvironmentVariable("TEST_NODE_LOGS") == "1") l.AddConsole();
            })
            .ConfigureServices(services =>
            {
                if (clock is not null) services.AddSingleton(clock);
                services.AddNodeAkka(options, sharedHocon);
            })
            .Build();
        await host.StartAsync();
        return new NodeActorHost(host, options);
    }

    public async ValueTask DisposeAsync()
    {
        try { await _host.StopAsync(TimeSpan.FromSeconds(30)); }
        catch (OperationCanceledException) { /* a crashed node's host has nothing left to stop */ }
        _host.Dispose();
    }
}
