using System.Diagnostics;

namespace MediaPlatform.Testing.Processes;

/// <summary>
/// The run command, scripts/cluster.sh, as an operator runs it, but against a temp state directory and free ports
/// (consecutive runs, since the script numbers its nodes' ports from a base): the cluster, balancer and secrets never
/// touch the repository's .cluster. Nodes get the raised test rate limits and trust the balancer's forwarded
/// address, through the cluster.hocon the script would otherwise write itself. Disposing runs `down` and kills
/// whatever is left.
/// </summary>
public sealed class ClusterScript : IAsyncDisposable
{
    private readonly TempDirectory _state = new("cluster-script");

    public ClusterScript(int nodes)
    {
        Nodes = nodes;
        HttpBase = FreePorts.NextRun(nodes);
        RemoteBase = FreePorts.NextRun(nodes);
        EdgeBase = FreePorts.NextRun(nodes);
        BalancerPort = FreePorts.Next();
        File.WriteAllText(_state.Combine("cluster.hocon"),
            "media-platform.security.trusted-proxies = [\"127.0.0.1\"]\n" + TestRateLimits.RaisedHocon + "\n");
    }

    public int Nodes { get; }
    public int HttpBase { get; }
    public int RemoteBase { get; }
    /// <summary>The first node's edge port (--edge-port), the one the balancer sends to.</summary>
    public int EdgeBase { get; }
    public int BalancerPort { get; }
    public string StateDirectory => _state.Path;
    public Uri BalancerAddress => new($"http://127.0.0.1:{BalancerPort}/");
    public string BalancerAccessLog => _state.Combine("lb", "access.log");

    /// <summary>Node <paramref name="i"/> (1-based) as the script numbers it.</summary>
    public Uri NodeAddress(int i) => new($"http://127.0.0.1:{HttpBase + i - 1}/");

    public string NodeLog(int i) => _state.Combine($"node-{i}", "node.log");

    /// <summary>`cluster.sh up N --no-build --no-demo --lb-port P`: the build output as it is, no demo clip.</summary>
    public Task<(int ExitCode, string Output)> UpAsync(Action<string>? line = null) =>
        RunAsync(["up", Nodes.ToString(), "--no-build", "--no-demo", "--lb-port", BalancerPort.ToString()], TimeSpan.FromMinutes(3), line);

    /// <summary>Runs the script with these arguments to its end; each output line also goes to <paramref name="line"/>.</summary>
    public async Task<(int ExitCode, string Output)> RunAsync(IReadOnlyList<string> args, TimeSpan timeout, Action<string>? line = null)
    {
        var info = new ProcessStartInfo("bash") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(NodeBinary.RepositoryRoot, "scripts", "cluster.sh"));
        foreach (var arg in args) info.ArgumentList.Add(arg);
        // A NODE_* or CLUSTER_* variable in the developer's shell would silently change what the script starts.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("NODE_", StringComparison.Ordinal) || k.StartsWith("CLUSTER_", StringComparison.Ordinal)).ToList())
            info.Environment.Remove(key);
        info.Environment["CLUSTER_STATE_DIR"] = StateDirectory;
        info.Environment["CLUSTER_HTTP_BASE"] = HttpBase.ToString();
        info.Environment["CLUSTER_REMOTE_BASE"] = RemoteBase.ToString();
        info.Environment["CLUSTER_EDGE_BASE"] = EdgeBase.ToString();
        info.Environment["CLUSTER_BUILD_CONFIGURATION"] = NodeBinary.Configuration;
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var process = new Process { StartInfo = info };
        DataReceivedEventHandler collect = (_, e) =>
        {
            if (e.Data is null) return;
            output.Enqueue(e.Data);
            line?.Invoke(e.Data);
        };
        process.OutputDataReceived += collect;
        process.ErrorDataReceived += collect;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"cluster.sh {string.Join(' ', args)} did not end within {timeout.TotalSeconds:0} s:\n{string.Join('\n', output)}");
        }
        process.WaitForExit(); // drains the redirected streams
        return (process.ExitCode, string.Join('\n', output));
    }

    public async ValueTask DisposeAsync()
    {
        try { await RunAsync(["down"], TimeSpan.FromSeconds(120)); }
        catch (TimeoutException) { /* whatever is left is killed below */ }
        finally
        {
            foreach (var pidFile in Directory.GetFiles(StateDirectory, "pid", SearchOption.AllDirectories))
                KillIfRunning(pidFile);
            KillIfRunning(_state.Combine("lb", "nginx.pid"));
            _state.Dispose();
        }
    }

    private static void KillIfRunning(string pidFile)
    {
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid)) return;
        try
        {
            using var process = Process.GetProcessById(pid);
            if (process.HasExited) return;
            process.Kill();
            process.WaitForExit(10_000);
        }
        catch (ArgumentException) { /* already gone */ }
        catch (InvalidOperationException) { /* exited meanwhile */ }
    }
}
