using System.Diagnostics;
using Akka.Configuration;
using MediaPlatform.Node.Hosting;
using MediaPlatform.Testing.Nodes;
using Xunit.Abstractions;

namespace MediaPlatform.Specs.Support.MultiNode;

/// <summary>
/// Full nodes in this process (<see cref="NodeActorCluster"/>: the binary's own hosting, one shared SQLite journal),
/// joined over loopback remoting through the throttling transport adapter so a spec can cut links between any of
/// them, with the shard coordinator knowing every node's regions before a spec starts. Node 0 is the seed and the
/// oldest member: it hosts the singletons and the shard coordinator until it goes away.
/// </summary>
public sealed class FullNodeCluster : IAsyncDisposable
{
    public static readonly TimeSpan Formation = NodeActorCluster.Formation;

    // Nodes are crashed with ActorSystem.Terminate, which must not run a graceful leave. Teardown crash-stops every
    // node at once, and their last sends after remoting stopped would flood the test log through Akka's stdout logger
    // (node logs go through the node's own logger; TEST_NODE_LOGS=1 shows them).
    private const string ClusterOverrides = """
        akka.coordinated-shutdown.run-by-actor-system-terminate = off
        akka.stdout-loglevel = OFF
        """;

    private readonly NodeActorCluster _nodes;
    private readonly ITestOutputHelper _output;
    private readonly Stopwatch _elapsed;
    private readonly string _name;

    private FullNodeCluster(string name, NodeActorCluster nodes, ITestOutputHelper output, Stopwatch elapsed) =>
        (_name, _nodes, _output, _elapsed) = (name, nodes, output, elapsed);

    public IReadOnlyList<NodeActorHost> Nodes => _nodes.Nodes;

    public NodeActorHost this[int index] => _nodes[index];

    public TimeSpan Elapsed => _elapsed.Elapsed;

    /// <summary>
    /// Starts <paramref name="count"/> nodes (the seed first, the rest at once) and waits until all are Up and the
    /// shard coordinator knows each node's regions.
    /// </summary>
    public static async Task<FullNodeCluster> StartAsync(string name, int count, ITestOutputHelper output, string hoconOverrides = "")
    {
        var elapsed = Stopwatch.StartNew();
        var hocon = ConfigurationFactory.ParseString(hoconOverrides)
            .WithFallback(ConfigurationFactory.ParseString(ClusterOverrides))
            .WithFallback(MultiNodeConfig.Create());
        var cluster = new FullNodeCluster(name, await NodeActorCluster.StartAsync(name, count, hocon, seedScheme: MultiNodeConfig.SeedScheme), output, elapsed);
        try
        {
            await cluster.AwaitShardRegionsRegisteredAsync();
            cluster.Note($"{count} nodes Up: {string.Join(", ", cluster.Nodes.Select(n => n.Address.Port))}");
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts more nodes that join through the seed; waits until every live node sees them Up and their regions are registered.</summary>
    public async Task<IReadOnlyList<NodeActorHost>> AddNodesAsync(int count)
    {
        var added = await _nodes.AddNodesAsync(count);
        await AwaitShardRegionsRegisteredAsync();
        return added;
    }

    /// <summary>
    /// Waits until the shard coordinator knows every live node's region: before that, new shards all go to the nodes
    /// that registered first, and a spec's entities would not spread over the whole cluster.
    /// </summary>
    private async Task AwaitShardRegionsRegisteredAsync()
    {
        var expected = NodeActorCluster.Sorted(Live.Select(n => n.Address));
        var region = Live.First().Registered<EntityRegions.BillingAccounts>();
        await Eventually.AwaitAssertAsync(async () =>
            Assert.Equal(expected, NodeActorCluster.Sorted((await ShardingProbe.ShardsByNodeAsync(region)).Keys)), Formation);
    }

    /// <summary>Nodes whose actor system still runs.</summary>
    public IEnumerable<NodeActorHost> Live => _nodes.Live;

    public void Note(string message) => _output.WriteLine($"[{Elapsed.TotalSeconds,6:0.0} s] {message}");

    /// <summary>
    /// A figure an operator would ask for (time to down, survivors, orders lost): into the spec's output and onto the
    /// test run's console, which CI logs show even for passing specs.
    /// </summary>
    public void Report(string figure)
    {
        Note(figure);
        Console.WriteLine($"[{_name}] {figure}");
    }

    public ValueTask DisposeAsync() => _nodes.DisposeAsync();
}
