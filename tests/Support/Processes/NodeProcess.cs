using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MediaPlatform.Testing.Processes;

/// <summary>
/// One real node process on loopback: its own free HTTP and remoting ports, its own data directory, its output in
/// memory and in a log file, optionally pinned to one CPU core. Can be signalled (SIGKILL, SIGTERM, SIGSTOP/SIGCONT)
/// and started again after it exits.
/// </summary>
public sealed class NodeProcess : IAsyncDisposable
{
    // Management reads need the admin token every NodeProcessCluster node is started with; health ignores it.
    private static readonly HttpClient Http = new()
    {
        Timeout = TimeSpan.FromSeconds(5),
        DefaultRequestHeaders = { Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", NodeProcessCluster.AdminToken) },
    };
    private readonly CapturedOutput _output;
    private Process? _process;

    /// <param name="core">The CPU core to pin the process to (taskset -c), or null for any core.</param>
    public NodeProcess(string name, string parentDirectory, int? core = null)
    {
        Name = name;
        Core = core;
        Directory = Path.Combine(parentDirectory, name);
        DataDirectory = Path.Combine(Directory, "data");
        LogFile = Path.Combine(Directory, "node.log");
        HttpPort = FreePorts.Next();
        RemotePort = FreePorts.Next();
        System.IO.Directory.CreateDirectory(DataDirectory);
        _output = new CapturedOutput(LogFile);
    }

    public string Name { get; }
    public int? Core { get; }
    public string Directory { get; }
    public string DataDirectory { get; }
    public string LogFile { get; }
    public int HttpPort { get; }
    public int RemotePort { get; }
    public Uri BaseAddress => new($"http://127.0.0.1:{HttpPort}/");

    /// <summary>This node as a bootstrap contact point (host:http-port).</summary>
    public string ContactPoint => $"127.0.0.1:{HttpPort}";

    public int? Pid => _process?.Id;
    public bool IsRunning => _process is { HasExited: false };
    public IReadOnlyList<string> Log => _output.Lines;

    /// <summary>What differs from node to node: the ports and the data directory.</summary>
    public IReadOnlyList<string> OwnArguments =>
    [
        "--hostname", "127.0.0.1",
        "--http-port", HttpPort.ToString(),
        "--remote-port", RemotePort.ToString(),
        "--data-dir", DataDirectory,
    ];

    /// <summary>Starts the process and waits until its HTTP port answers (or it exits, which fails at once).</summary>
    public async Task StartAsync(IEnumerable<string> sharedArguments, TimeSpan listenTimeout)
    {
        if (IsRunning) throw new InvalidOperationException($"{Name} already runs (pid {Pid})");
        _process?.Dispose();
        // Specs sign up many users from 127.0.0.1: the shipped per-address rate limits are raised (TestRateLimits).
        var info = NodeBinary.StartInfo(OwnArguments.Concat(TestRateLimits.Raise([.. sharedArguments], System.IO.Path.Combine(Directory, "config"))), Directory, Core);
        _output.Note($"--- {DateTime.UtcNow:HH:mm:ss.fff} spec starts {Name}: dotnet {string.Join(' ', info.ArgumentList)}");
        _process = new Process { StartInfo = info };
        _output.Attach(_process);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await Eventually.AwaitAsync(async () =>
        {
            EnsureRunning();
            return await AnswersHttpAsync();
        }, listenTimeout, $"{Name} to listen on {BaseAddress}");
    }

    /// <summary>SIGKILL: no shutdown, no leaving; the others must notice and down it.</summary>
    public void Kill()
    {
        _output.Note($"--- {DateTime.UtcNow:HH:mm:ss.fff} spec sends SIGKILL to {Name}");
        if (IsRunning) _process!.Kill(entireProcessTree: true);
    }

    /// <summary>SIGTERM: the node should leave the cluster and exit 0.</summary>
    public void Terminate() => Signal("TERM");

    /// <summary>SIGUSR1: the node drains (readiness 503, still serving) before a SIGTERM makes it leave.</summary>
    public void Drain() => Signal("USR1");

    /// <summary>SIGSTOP: frozen, sockets open but silent (a long GC pause or a hung VM).</summary>
    public void Stop() => Signal("STOP");

    /// <summary>SIGCONT: thaws a node frozen by <see cref="Stop"/>.</summary>
    public void Cont() => Signal("CONT");

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        var process = _process ?? throw new InvalidOperationException($"{Name} was never started");
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{Name} (pid {process.Id}) did not exit within {timeout.TotalSeconds:0} s");
        }
        process.WaitForExit(); // drains the redirected streams
        return process.ExitCode;
    }

    public async Task<ClusterMembersView> GetMembersAsync()
    {
        EnsureRunning();
        return await Http.GetFromJsonAsync<ClusterMembersView>(new Uri(BaseAddress, "cluster/members"), JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException($"{Name}: /cluster/members returned null");
    }

    /// <summary>A GET with the cluster's admin token (management and operator routes), failing on no answer.</summary>
    public async Task<HttpResponseMessage> GetAsAdminAsync(string path)
    {
        EnsureRunning();
        return await Http.GetAsync(new Uri(BaseAddress, path));
    }

    /// <summary>True when /health/ready answers 200; false on any other status or no answer.</summary>
    public async Task<bool> IsReadyAsync()
    {
        try
        {
            using var response = await Http.GetAsync(new Uri(BaseAddress, "health/ready"));
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>Throws <see cref="NodeExitedException"/> (with the log's tail) unless the process runs.</summary>
    public void EnsureRunning()
    {
        if (!IsRunning)
            throw new NodeExitedException(Name, _process is { HasExited: true } p ? p.ExitCode : null, Log.TakeLast(40));
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                try { await WaitForExitAsync(TimeSpan.FromSeconds(10)); }
                catch (TimeoutException) { /* the OS reaps it; nothing more a spec can do */ }
            }
            _process.Dispose();
        }
        _output.Dispose();
    }

    private void Signal(string signal)
    {
        EnsureRunning();
        _output.Note($"--- {DateTime.UtcNow:HH:mm:ss.fff} spec sends SIG{signal} to {Name}");
        PosixSignal.Send(_process!.Id, signal);
    }

    private async Task<bool> AnswersHttpAsync()
    {
        try
        {
            // Any status will do: the port answers. Liveness is 200 once the actor system runs.
            using var response = await Http.GetAsync(new Uri(BaseAddress, "health/live"));
            return true;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }
}
