using Akka.Actor;
using Akka.Cluster;
using Akka.Hosting;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Node.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MediaPlatform.Testing.Nodes;

/// <summary>
/// Whole nodes (Kestrel + actor system, built by NodeApp exactly as the binary builds them) in this process on
/// loopback, sharing one SQLite journal and one blob store (as local nodes do, so every node serves every title) in a
/// temp folder, with raised rate limits (<see cref="TestRateLimits"/>)
/// and, when given, one clock the caller moves.
/// </summary>
public sealed class InProcessNodeCluster : IAsyncDisposable
{
    public const string TokenKey = "in-process-cluster-token-key-0123456789abcdef";
    /// <summary>The operator's admin token every node accepts (management routes, /metrics, the ops page).</summary>
    public const string AdminToken = "in-process-cluster-admin-token-0123";
    private readonly List<WholeNode> _nodes = [];
    private readonly TempDirectory _dir = new("cluster");

    public IReadOnlyList<Uri> BaseAddresses { get; private set; } = [];

    public ActorSystem FirstSystem => System(0);

    public ActorSystem System(int node) => _nodes[node].System;

    /// <summary>Node <paramref name="node"/>'s services (its blob store, read model database, settings …).</summary>
    public IServiceProvider Services(int node) => _nodes[node].Services;

    /// <summary>An actor node <paramref name="node"/> registered under <typeparamref name="TKey"/> (a shard region or singleton proxy).</summary>
    public IActorRef Registered<TKey>(int node = 0) => _nodes[node].Services.GetRequiredService<IRequiredActor<TKey>>().ActorRef;

    /// <summary>Starts <paramref name="size"/> nodes named <paramref name="name"/>-1… and waits until all are Up.
    /// <paramref name="extraHocon"/> is layered over the shipped config on every node; <paramref name="extraArgs"/> are
    /// more flags for every node (e.g. --otlp-endpoint); <paramref name="nodeHocon"/> and <paramref name="nodeArgs"/>,
    /// when given, add HOCON and flags for node i (0-based) alone.</summary>
    public static async Task<InProcessNodeCluster> StartAsync(int size, string name = "node", IClock? clock = null, string extraHocon = "",
        IReadOnlyList<string>? extraArgs = null, Func<int, string>? nodeHocon = null, Func<int, IReadOnlyList<string>>? nodeArgs = null)
    {
        var cluster = new InProcessNodeCluster();
        try
        {
            var config = cluster._dir.Combine("extra.hocon");
            await File.WriteAllTextAsync(config, extraHocon + "\n");
            var remotePorts = Enumerable.Range(0, size).Select(_ => FreePorts.Next()).ToArray();
            var addresses = new List<Uri>();
            for (var i = 0; i < size; i++)
            {
                var nodeConfig = config;
                if (nodeHocon is not null)
                    await File.WriteAllTextAsync(nodeConfig = cluster._dir.Combine($"extra-{i + 1}.hocon"), extraHocon + "\n" + nodeHocon(i) + "\n");
                WholeNode node;
                for (var attempt = 1; ; attempt++)
                {
                    string[] args =
                    [
                        "--http-port", FreePorts.Next().ToString(), "--remote-port", remotePorts[i].ToString(), "--node-name", $"{name}-{i + 1}",
                        "--data-dir", cluster._dir.Combine($"node-{i + 1}"), "--sqlite-file", cluster._dir.Combine("journal.db"),
                        "--blob-dir", cluster._dir.Combine("blobs"),
                        "--log-level", "Warning", "--seed-nodes", $"akka.tcp://media@127.0.0.1:{remotePorts[0]}", "--config", nodeConfig,
                        .. extraArgs ?? [], .. nodeArgs?.Invoke(i) ?? [],
                    ];
                    args = TestRateLimits.Raise(args, cluster._dir.Combine("config"));
                    var options = NodeOptionsParser.Parse(args, new Dictionary<string, string?> { ["NODE_TOKEN_KEY"] = TokenKey, ["NODE_ADMIN_TOKEN"] = AdminToken }, AppContext.BaseDirectory)
                                  ?? throw new InvalidOperationException("--help was parsed");
                    try
                    {
                        node = await WholeNode.StartAsync(options, clock);
                        break;
                    }
                    catch (OptionsException e) when (attempt < 3 && e.Message.Contains("already in use", StringComparison.Ordinal))
                    {
                        // Another process took a picked port before this node bound it (outgoing connections draw their
                        // ports from the same range, and earlier nodes took seconds to start): pick again. The seed's
                        // port is only written into later nodes' arguments, so it may change too.
                        remotePorts[i] = FreePorts.Next();
                    }
                }
                cluster._nodes.Add(node);
                addresses.Add(node.BaseAddress);
            }
            cluster.BaseAddresses = addresses;
            await Eventually.AwaitAsync(() => Cluster.Get(cluster.FirstSystem).State.Members.Count(m => m.Status == MemberStatus.Up) == size,
                TimeSpan.FromSeconds(90), $"{size} nodes Up", TimeSpan.FromMilliseconds(200));
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Takes node <paramref name="node"/> away as a crash would look to the others: a survivor downs it first (no
    /// graceful hand-over of its shards), then it is stopped. Its slot stays in the list; do not use it again.
    /// </summary>
    public async Task KillAsync(int node)
    {
        var victim = _nodes[node];
        var survivor = _nodes.First(n => n != victim && !_stopped.Contains(n));
        Cluster.Get(survivor.System).Down(Cluster.Get(victim.System).SelfAddress);
        _stopped.Add(victim);
        await victim.DisposeAsync();
    }

    private readonly HashSet<WholeNode> _stopped = [];

    public async ValueTask DisposeAsync()
    {
        foreach (var node in Enumerable.Reverse(_nodes).Where(n => !_stopped.Contains(n))) await node.DisposeAsync();
        _dir.Dispose();
    }
}
