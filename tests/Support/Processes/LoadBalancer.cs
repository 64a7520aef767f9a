using System.Diagnostics;

namespace MediaPlatform.Testing.Processes;

/// <summary>
/// The cluster's load balancer as the run command starts it: nginx from deploy/nginx's template, rendered and run by
/// scripts/nginx.sh from a temp directory on a free loopback port, as the current user. Disposing stops it.
/// </summary>
public sealed class LoadBalancer : IAsyncDisposable
{
    private readonly TempDirectory _dir = new("nginx");

    private LoadBalancer(int port) => Port = port;

    public int Port { get; }
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");
    public string Directory => _dir.Path;
    public string ConfigFile => _dir.Combine("nginx.conf");
    public string AccessLog => _dir.Combine("access.log");

    /// <summary>The gRPC listener's port, when rendered with gRPC upstreams.</summary>
    public int? GrpcPort { get; private init; }

    /// <summary>Renders the config for these upstreams (host:port, or host:port=down) without starting nginx; with
    /// <paramref name="grpcUpstreams"/> (the nodes' --grpc-port) also the gRPC listener on a free port.</summary>
    public static async Task<LoadBalancer> RenderAsync(IEnumerable<string> upstreams, IEnumerable<string>? grpcUpstreams = null)
    {
        var balancer = new LoadBalancer(FreePorts.Next()) { GrpcPort = grpcUpstreams is null ? null : FreePorts.Next() };
        var environment = grpcUpstreams is null ? null : new Dictionary<string, string>
        {
            ["NGINX_GRPC_LISTEN"] = $"127.0.0.1:{balancer.GrpcPort}",
            ["NGINX_GRPC_SERVERS"] = string.Join(' ', grpcUpstreams),
        };
        await balancer.ScriptAsync(["render", balancer.Directory, $"127.0.0.1:{balancer.Port}", .. upstreams], environment);
        return balancer;
    }

    /// <summary>Starts nginx on the rendered config.</summary>
    public Task StartAsync() => ScriptAsync(["start", Directory]);

    /// <summary>Renders the config for these nodes and starts nginx in front of them.</summary>
    public static async Task<LoadBalancer> StartAsync(IEnumerable<NodeProcess> nodes)
    {
        var balancer = await RenderAsync(nodes.Select(n => n.ContactPoint));
        await balancer.ScriptAsync(["start", balancer.Directory]);
        return balancer;
    }

    /// <summary>`nginx -t` on the rendered config; the exit code and nginx's own words.</summary>
    public Task<(int ExitCode, string Output)> CheckAsync() => RunScriptAsync(["check", Directory]);

    public async ValueTask DisposeAsync()
    {
        try { await RunScriptAsync(["stop", Directory]); }
        finally { _dir.Dispose(); }
    }

    private async Task ScriptAsync(IReadOnlyList<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var (code, output) = await RunScriptAsync(args, environment);
        if (code != 0) throw new InvalidOperationException($"scripts/nginx.sh {string.Join(' ', args)}: exit {code}\n{output}");
    }

    private static async Task<(int ExitCode, string Output)> RunScriptAsync(IReadOnlyList<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        if (!File.Exists("/usr/sbin/nginx") && !OnPath("nginx"))
            throw new InvalidOperationException("nginx is not installed: run the tests through scripts/test.sh (scripts/setup.sh nginx installs it)");
        var info = new ProcessStartInfo("bash") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(NodeBinary.RepositoryRoot, "scripts", "nginx.sh"));
        foreach (var arg in args) info.ArgumentList.Add(arg);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) info.Environment[name] = value;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return (process.ExitCode, await stdout + await stderr);
    }

    private static bool OnPath(string command) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => File.Exists(Path.Combine(dir, command)));
}
