using System.Diagnostics;
using Akka.Configuration;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Node.Configuration;
using MediaPlatform.Node.Hosting;
using MediaPlatform.Specs.Support.Processes;
using Xunit.Abstractions;

namespace MediaPlatform.Specs.Support.MultiNode;

/// <summary>
/// Full nodes (<see cref="InProcessNode"/>: the binary's own hosting) in this process, sharing one SQLite journal, joined
/// over loopback remoting through the throttling transport adapter so a spec can cut links between any of them. Node 0
/// is the seed and the oldest member: it hosts the singletons and the shard coordinator until it goes away.
/// </summary>
public sealed class FullNodeCluster : IAsyncDisposable
{
    public static readonly TimeSpan Formation = TimeSpan.FromSeconds(60);

    // Nodes are crashed with ActorSystem.Terminate, which must not run a graceful leave. Teardown crash-stops every
    // node at once, and their last sends after remoting stopped would flood the test log through Akka's stdout logger
    // (node logs go through the node's own logger; TEST_NODE_LOGS=1 shows them).
    private const string ClusterOverrides = """
        akka.coordinated-shutdown.run-by-actor-system-terminate = off
        akka.stdout-loglevel = OFF
        """;

    private readonly List<InProcessNode> _nodes = [];
    private readonly Config _hocon;
    private readonly ITestOutputHelper _output;
    private readonly Stopwatch _elapsed = Stopwatch.StartNew();
    private readonly TempDirectory _root;
    private readonly string _name;
    private string? _seed;

    private FullNodeCluster(string name, string hoconOverrides, ITestOutputHelper output)
    {
        _name = name;
        _root = new TempDirectory(name);
        _output = output;
        _hocon = ConfigurationFactory.ParseString(hoconOverrides)
            .WithFallback(ConfigurationFactory.ParseString(ClusterOverrides))
            .WithFallback(MultiNodeConfig.Create());
    }

    public IReadOnlyList<InProcessNode> Nodes => _nodes;

    public InProcessNode this[int index] => _nodes[index];

    public TimeSpan Elapsed => _elapsed.Elapsed;

    /// <summary>
    /// Starts <paramref name="count"/> nodes (the seed first, the rest at once) and waits until all are Up and the
    /// shard coordinator knows each node's regions.
    /// </summary>
    public static async Task<FullNodeCluster> StartAsync(string name, int count, ITestOutputHelper output, string hoconOverrides = "")
    {
        var cluster = new FullNodeCluster(name, hoconOverrides, output);
        try
        {
            await cluster.AddNodesAsync(1);
            await cluster.AddNodesAsync(count - 1);
            cluster.Note($"{count} nodes Up: {string.Join(", ", cluster._nodes.Select(n => n.Address.Port))}");
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts more nodes that join through the seed; waits until every live node sees them Up and their regions are registered.</summary>
    public async Task<IReadOnlyList<InProcessNode>> AddNodesAsync(int count)
    {
        var added = await Task.WhenAll(Enumerable.Range(_nodes.Count, count).Select(StartNodeAsync));
        _nodes.AddRange(added);
        var expected = ClusterHarness.Sorted(Live.Select(n => n.Address));
        await Eventually.AwaitAssertAsync(() =>
        {
            foreach (var node in Live) Assert.Equal(expected, ClusterHarness.UpMembersSeenBy(node.System));
            return Task.CompletedTask;
        }, Formation);
        await AwaitShardRegionsRegisteredAsync();
        return added;
    }

    /// <summary>
    /// Waits until the shard coordinator knows every live node's region: before that, new shards all go to the nodes
    /// that registered first, and a spec's entities would not spread over the whole cluster.
    /// </summary>
    private async Task AwaitShardRegionsRegisteredAsync()
    {
        var expected = ClusterHarness.Sorted(Live.Select(n => n.Address));
        var region = Live.First().Registered<EntityRegions.BillingAccounts>();
        await Eventually.AwaitAssertAsync(async () =>
            Assert.Equal(expected, ClusterHarness.Sorted((await ShardingProbe.ShardsByNodeAsync(region)).Keys)), Formation);
    }

    /// <summary>Nodes whose actor system still runs.</summary>
    public IEnumerable<InProcessNode> Live => _nodes.Where(n => !n.IsTerminated);

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

    private async Task<InProcessNode> StartNodeAsync(int index)
    {
        var port = FreePorts.Next();
        var parsed = NodeOptionsParser.Parse(
        [
            "--hostname", "127.0.0.1", "--remote-port", port.ToString(), "--http-port", FreePorts.Next().ToString(),
            "--data-dir", _root.Combine($"node-{index}"), "--sqlite-file", _root.Combine("journal.db"),
            "--cluster-name", MultiNodeConfig.SystemName,
        ], new Dictionary<string, string?>(), AppContext.BaseDirectory)!;
        // With the throttling adapter the node's address is akka.trttl.tcp://…, a scheme the flag parser rightly
        // refuses for operators; the seed list is set on the parsed options instead.
        _seed ??= $"akka.trttl.tcp://{MultiNodeConfig.SystemName}@127.0.0.1:{port}";
        var options = parsed with { SeedNodes = [_seed] };
        return await InProcessNode.StartAsync(options, _hocon, SystemClock.Instance);
    }

    public async ValueTask DisposeAsync()
    {
        // Crash-stop everything at once: a graceful leave of each node in turn would only slow the spec down.
        await Task.WhenAll(Live.Select(n => n.CrashAsync().ContinueWith(_ => { })));
        foreach (var node in _nodes) await node.DisposeAsync();
        _root.Dispose();
    }
}
