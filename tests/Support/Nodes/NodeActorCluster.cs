using Akka.Actor;
using Akka.Cluster;
using Akka.Configuration;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Node.Configuration;

namespace MediaPlatform.Testing.Nodes;

/// <summary>
/// Node actor systems (<see cref="NodeActorHost"/>: the binary's own wiring, no Kestrel) in this process on loopback,
/// sharing one SQLite journal and one blob directory in a temp folder. Node 0 is the seed and starts first, so it is
/// the oldest member and hosts the singletons until it goes away. Disposing crash-stops every node at once (a
/// graceful leave of each in turn would only slow a spec down) and deletes the folder.
/// </summary>
public sealed class NodeActorCluster : IAsyncDisposable
{
    public static readonly TimeSpan Formation = TimeSpan.FromSeconds(60);
    private const string TokenKey = "in-process-cluster-token-key-0123456789";
    private readonly List<NodeActorHost> _nodes = [];
    private readonly Config _hocon;
    private readonly IClock? _clock;
    private readonly string _seedScheme;
    private string? _seed;

    private NodeActorCluster(string name, Config hocon, IClock? clock, string seedScheme)
    {
        Root = new TempDirectory(name);
        (_hocon, _clock, _seedScheme) = (hocon, clock, seedScheme);
    }

    /// <summary>The folder every node shares (journal, blobs, node data directories); deleted on dispose.</summary>
    public TempDirectory Root { get; }

    /// <summary>The blob store every node reaches (uploads and HLS packages).</summary>
    public string BlobDirectory => Root.Combine("blobs");

    public IReadOnlyList<NodeActorHost> Nodes => _nodes;

    public NodeActorHost this[int index] => _nodes[index];

    /// <summary>Nodes whose actor system still runs.</summary>
    public IEnumerable<NodeActorHost> Live => _nodes.Where(n => !n.IsTerminated);

    /// <summary>
    /// Starts <paramref name="size"/> nodes (the seed first, the rest at once) and waits until every one sees all of
    /// them Up. <paramref name="hocon"/> is each node's whole Akka config (shipped config with a spec's overrides);
    /// <paramref name="clock"/>, when given, is shared by every node; <paramref name="seedScheme"/> is the remoting
    /// scheme of the seed address (akka.trttl.tcp when the throttling transport adapter is on).
    /// </summary>
    public static async Task<NodeActorCluster> StartAsync(string name, int size, Config hocon, IClock? clock = null,
        string seedScheme = "akka.tcp")
    {
        var cluster = new NodeActorCluster(name, hocon, clock, seedScheme);
        try
        {
            await cluster.AddNodesAsync(1);
            if (size > 1) await cluster.AddNodesAsync(size - 1);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts more nodes at once that join through the seed; waits until every live node sees them all Up.</summary>
    public async Task<IReadOnlyList<NodeActorHost>> AddNodesAsync(int count)
    {
        var added = await Task.WhenAll(Enumerable.Range(_nodes.Count, count).Select(StartNodeAsync));
        _nodes.AddRange(added);
        var expected = Sorted(Live.Select(n => n.Address));
        await Eventually.AwaitAssertAsync(() =>
        {
            foreach (var node in Live)
            {
                var seen = UpMembersSeenBy(node.System);
                if (!seen.SequenceEqual(expected))
                    throw new InvalidOperationException($"{node.Address} sees [{string.Join(", ", seen)}] Up, not [{string.Join(", ", expected)}]");
            }
            return Task.CompletedTask;
        }, Formation);
        return added;
    }

    /// <summary>Addresses this node sees as Up and reachable, sorted.</summary>
    public static string[] UpMembersSeenBy(ActorSystem node)
    {
        var state = Akka.Cluster.Cluster.Get(node).State;
        return Sorted(state.Members.Where(m => m.Status == MemberStatus.Up && !state.Unreachable.Contains(m)).Select(m => m.Address));
    }

    public static string[] Sorted(IEnumerable<Address> addresses) => addresses.Select(a => a.ToString()).Order().ToArray();

    private async Task<NodeActorHost> StartNodeAsync(int index)
    {
        var port = FreePorts.Next();
        var parsed = NodeOptionsParser.Parse(
        [
            "--hostname", "127.0.0.1", "--remote-port", port.ToString(), "--http-port", FreePorts.Next().ToString(),
            "--data-dir", Root.Combine($"node-{index}"), "--sqlite-file", Root.Combine("journal.db"), "--blob-dir", BlobDirectory,
        ], new Dictionary<string, string?> { ["NODE_TOKEN_KEY"] = TokenKey }, AppContext.BaseDirectory)
            ?? throw new InvalidOperationException("--help was parsed");
        // The flag parser refuses a seed in a test-only scheme (akka.trttl.tcp) as it should for operators: the seed
        // list is set on the parsed options instead.
        _seed ??= $"{_seedScheme}://{parsed.ClusterName}@127.0.0.1:{port}";
        return await NodeActorHost.StartAsync(parsed with { SeedNodes = [_seed] }, _hocon, _clock);
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(Live.Select(n => n.CrashAsync().ContinueWith(_ => { })));
        foreach (var node in _nodes) await node.DisposeAsync();
        Root.Dispose();
    }
}
