using Akka.Actor;
using Akka.Configuration;
using Akka.Hosting;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Node.Configuration;
using MediaPlatform.Testing.Nodes;
using Microsoft.Extensions.DependencyInjection;

namespace MediaPlatform.Specs.Support.MultiNode;

/// <summary>
/// A full node — the actor system exactly as the binary wires it (AddNodeAkka: cluster, persistence, shard regions,
/// singletons) — in this test process, without Kestrel. Several of them over loopback remoting with a shared journal
/// and a shared <see cref="ManualClock"/> make a cluster whose time the spec moves.
/// </summary>
public sealed class InProcessNode : IAsyncDisposable
{
    private readonly NodeActorHost _host;

    private InProcessNode(NodeActorHost host) => _host = host;

    public NodeOptions Options => _host.Options;
    public ActorSystem System => _host.System;
    public Akka.Actor.Address Address => Akka.Cluster.Cluster.Get(System).SelfAddress;

    /// <summary>An actor the node registered under <typeparamref name="TKey"/> (a shard region or singleton proxy).</summary>
    public IActorRef Registered<TKey>() => _host.Services.GetRequiredService<ActorRegistry>().Get<TKey>();

    public static async Task<InProcessNode> StartAsync(NodeOptions options, Config sharedHocon, IClock clock) =>
        new(await NodeActorHost.StartAsync(options, sharedHocon, clock));

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

    /// <summary>The actor system has stopped: crashed, left, or downed (a downed node shuts itself down).</summary>
    public bool IsTerminated => System.WhenTerminated.IsCompleted;

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
