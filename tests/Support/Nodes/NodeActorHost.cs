using Akka.Actor;
using Akka.Configuration;
using Akka.Hosting;
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
/// Several of them over loopback remoting with a shared journal (<see cref="NodeActorCluster"/>) make a cluster a
/// spec can crash nodes of, and whose time it moves when they share a clock.
/// </summary>
public sealed class NodeActorHost : IAsyncDisposable
{
    private readonly IHost _host;

    private NodeActorHost(IHost host, NodeOptions options) => (_host, Options) = (host, options);

    public NodeOptions Options { get; }

    public IServiceProvider Services => _host.Services;

    public ActorSystem System => _host.Services.GetRequiredService<ActorSystem>();

    public Address Address => Akka.Cluster.Cluster.Get(System).SelfAddress;

    /// <summary>An actor the node registered under <typeparamref name="TKey"/> (a shard region or singleton proxy).</summary>
    public IActorRef Registered<TKey>() => Services.GetRequiredService<ActorRegistry>().Get<TKey>();

    /// <summary>The actor system has stopped: crashed, left, or downed (a downed node shuts itself down).</summary>
    public bool IsTerminated => System.WhenTerminated.IsCompleted;

    /// <summary>
    /// A crash as the rest of the cluster sees it: the actor system stops without leaving the cluster (run the nodes
    /// with <c>akka.coordinated-shutdown.run-by-actor-system-terminate = off</c>), its connections close as a dead
    /// process's would, and the others must detect it, down it and take over its shards and singletons.
    /// </summary>
    public Task CrashAsync() => System.Terminate().WaitAsync(TimeSpan.FromSeconds(30));

    /// <summary>
    /// A graceful leave as SIGTERM does it in the binary: coordinated shutdown hands the node's shards and singletons
    /// over, leaves the cluster and terminates the actor system. Completes when the system has terminated.
    /// </summary>
    public Task LeaveAsync(TimeSpan timeout) =>
        CoordinatedShutdown.Get(System).Run(CoordinatedShutdown.ClusterLeavingReason.Instance)
            .ContinueWith(_ => System.WhenTerminated).Unwrap().WaitAsync(timeout);

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
