using System.Diagnostics;
using System.Text;

namespace MediaPlatform.Testing.Processes;

/// <summary>
/// N real node processes on loopback that find each other through cluster bootstrap, exactly as
/// scripts/cluster.sh starts them: one command line, only the ports (and data directory) differ. The journal is one
/// shared SQLite file in a temp folder unless a PostgreSQL connection string is given; the blob store one shared folder. Disposing kills what still
/// runs and deletes the temp folder; unless <see cref="MarkPassed"/> was called, every node's log goes to the
/// failure log first (a spec's output; benches pass none).
/// </summary>
public sealed class NodeProcessCluster : IAsyncDisposable
{
    /// <summary>Every node of a spec cluster accepts this bearer token as admin.</summary>
    public const string AdminToken = "spec-admin-token-0123456789";
    private static readonly TimeSpan ListenTimeout = TimeSpan.FromSeconds(60);
    private readonly Action<string>? _failureLog;
    private readonly TempDirectory _root;
    private bool _passed;

    private NodeProcessCluster(int size, NodeProcessClusterOptions options)
    {
        _failureLog = options.FailureLog;
        _root = new TempDirectory("cluster");
        Nodes = Enumerable.Range(1, size)
            .Select(i => new NodeProcess($"node-{i}", _root.Path, options.Cores is { } cores ? cores[i - 1] : null)).ToArray();
        SqliteFile = _root.Combine("journal.db");
        BlobDirectory = _root.Combine("blobs");
        var database = options.PostgresConnectionString is null
            ? new[] { "--sqlite-file", SqliteFile }
            : ["--postgres", options.PostgresConnectionString];
        SharedArguments =
        [
            "--discovery", "config",
            "--contact-points", string.Join(',', Nodes.Select(n => n.ContactPoint)),
            // Secrets as an operator should pass them: in 0600 files, never on the command line.
            "--admin-token-file", AdminTokenFile = SecretFile("admin-token", AdminToken),
            "--token-key-file", SecretFile("token-key", "spec-token-key-shared-by-every-node-0123456789"),
            .. database,
            "--blob-dir", BlobDirectory,
            .. options.ExtraArguments ?? [],
        ];
    }

    private string SecretFile(string name, string secret)
    {
        var path = _root.Combine(name);
        File.WriteAllText(path, secret + "\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return path;
    }

    public IReadOnlyList<NodeProcess> Nodes { get; }

    /// <summary>The 0600 file the nodes read <see cref="AdminToken"/> from (mpctl --token-file reads it too).</summary>
    public string AdminTokenFile { get; }
    public string SqliteFile { get; }

    /// <summary>The blob store every node shares (uploads and HLS packages), as scripts/cluster.sh gives one.</summary>
    public string BlobDirectory { get; }

    /// <summary>The part of the command line every node shares (discovery, contact points, database).</summary>
    public IReadOnlyList<string> SharedArguments { get; }

    /// <summary>Time since the processes were launched.</summary>
    public Stopwatch SinceLaunch { get; } = new();

    /// <summary>Launches every node at once and waits until each one's HTTP port answers.</summary>
    public static async Task<NodeProcessCluster> StartAsync(int size, NodeProcessClusterOptions? options = null)
    {
        options ??= new NodeProcessClusterOptions();
        if (options.Cores is { } cores && cores.Count != size)
            throw new ArgumentException($"{cores.Count} cores given for {size} nodes", nameof(options));
        var cluster = new NodeProcessCluster(size, options);
        try
        {
            cluster.SinceLaunch.Start();
            await Task.WhenAll(cluster.Nodes.Select(n => n.StartAsync(cluster.SharedArguments, ListenTimeout)));
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts a node again (after Kill or Terminate) with the same command line as before.</summary>
    public Task RestartAsync(NodeProcess node) => node.StartAsync(SharedArguments, ListenTimeout);

    public IEnumerable<NodeProcess> Running => Nodes.Where(n => n.IsRunning);

    /// <summary>
    /// Waits until every running node sees all of them Up and reachable, and answers /health/ready with 200.
    /// </summary>
    public Task<TimeSpan> AwaitAllUpAsync(TimeSpan timeout)
    {
        var running = Running.ToArray();
        return Eventually.AwaitAssertAsync(async () =>
        {
            foreach (var node in running)
            {
                var view = await node.GetMembersAsync();
                if (view.SelfStatus != "Up" || view.Members.Count != running.Length || view.CountUp != running.Length
                    || view.Unreachable.Count > 0)
                    throw new InvalidOperationException($"{node.Name}: {view}");
                if (!await node.IsReadyAsync())
                    throw new InvalidOperationException($"{node.Name}: /health/ready is not 200 yet");
            }
        }, timeout);
    }

    /// <summary>Waits until every observer's /cluster/members satisfies the condition in one polling round.</summary>
    public static Task<TimeSpan> AwaitViewAsync(
        IReadOnlyCollection<NodeProcess> observers, Func<ClusterMembersView, bool> condition, TimeSpan timeout, string what) =>
        Eventually.AwaitAssertAsync(async () =>
        {
            foreach (var node in observers)
            {
                var view = await node.GetMembersAsync();
                if (!condition(view)) throw new InvalidOperationException($"waiting for {what}; {node.Name}: {view}");
            }
        }, timeout);

    /// <summary>Call as a spec's last line: the node logs are then not copied to the test output.</summary>
    public void MarkPassed() => _passed = true;

    public async ValueTask DisposeAsync()
    {
        foreach (var node in Nodes) await node.DisposeAsync();
        if (!_passed) WriteLogs();
        _root.Dispose();
    }

    private void WriteLogs()
    {
        foreach (var node in Nodes)
        {
            var text = new StringBuilder()
                .AppendLine($"===== {node.Name} (http {node.HttpPort}, remote {node.RemotePort}) =====")
                .AppendJoin('\n', node.Log);
            try { _failureLog?.Invoke(text.ToString()); }
            catch (InvalidOperationException) { /* no test is current any more: nowhere to write */ }
        }
    }
}
