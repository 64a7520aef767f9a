using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace MediaPlatform.Bench.Scheduler;

/// <summary>
/// Three real node processes (the Cluster.Node binary next to this bench) on loopback with one SQLite journal;
/// each can be SIGKILLed and started again with the same command line.
/// </summary>
public sealed class NodeProcessCluster : IAsyncDisposable
{
    /// <summary>Management routes need the admin token; handed to the nodes by environment, never argv.</summary>
    private const string AdminToken = "bench-admin-token-0123456789";
    private static readonly HttpClient Http = new()
    {
        Timeout = TimeSpan.FromSeconds(2),
        DefaultRequestHeaders = { Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", AdminToken) },
    };
    private readonly string _dir = Directory.CreateTempSubdirectory("scheduler-failover-").FullName;
    private readonly Process?[] _processes;
    private readonly int[] _httpPorts;
    private readonly int[] _remotePorts;

    private readonly string? _configFile;

    /// <param name="extraHocon">Written to a file given to every node with --config (e.g. a removal margin to compare).</param>
    public NodeProcessCluster(int size, string? extraHocon = null)
    {
        if (extraHocon is not null) File.WriteAllText(_configFile = Path.Combine(_dir, "extra.hocon"), extraHocon);
        _processes = new Process?[size];
        _httpPorts = Enumerable.Range(0, size).Select(_ => FreePorts.Next()).ToArray();
        _remotePorts = Enumerable.Range(0, size).Select(_ => FreePorts.Next()).ToArray();
    }

    public int Size => _processes.Length;

    public Uri BaseAddress(int node) => new($"http://127.0.0.1:{_httpPorts[node]}/");

    public void Start(int node)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        string[] args =
        [
            Path.Combine(AppContext.BaseDirectory, "Cluster.Node.dll"),
            "--hostname", "127.0.0.1", "--http-port", _httpPorts[node].ToString(), "--remote-port", _remotePorts[node].ToString(),
            "--data-dir", Path.Combine(_dir, $"node-{node + 1}"), "--sqlite-file", Path.Combine(_dir, "journal.db"), "--log-level", "Warning",
            "--seed-nodes", string.Join(',', _remotePorts.Select(p => $"akka.tcp://media@127.0.0.1:{p}")),
        ];
        foreach (var arg in args) info.ArgumentList.Add(arg);
        // Nodes that join each other need one shared token key; secrets go by environment, never argv.
        info.Environment["NODE_TOKEN_KEY"] = "scheduler-bench-token-key-0123456789abcdef";
        info.Environment["NODE_ADMIN_TOKEN"] = AdminToken;
        if (_configFile is not null) { info.ArgumentList.Add("--config"); info.ArgumentList.Add(_configFile); }
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _processes[node] = process;
    }

    public void Kill(int node)
    {
        _processes[node]?.Kill(entireProcessTree: true);
        _processes[node]?.WaitForExit();
        _processes[node] = null;
    }

    /// <summary>Waits until every running node sees all of them Up.</summary>
    public async Task AwaitAllUpAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await AllUpAsync())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the cluster did not come Up");
            await Task.Delay(250);
        }
    }

    private async Task<bool> AllUpAsync()
    {
        for (var i = 0; i < Size; i++)
        {
            try
            {
                var view = await Http.GetFromJsonAsync<JsonElement>(new Uri(BaseAddress(i), "cluster/members"));
                var up = view.GetProperty("members").EnumerateArray().Count(m => m.GetProperty("status").GetString() == "Up");
                if (up != Size || view.GetProperty("unreachable").GetArrayLength() > 0) return false;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>How <paramref name="observer"/> sees <paramref name="node"/>: "unreachable", "removed" (not a member any more) or "member".</summary>
    public async Task<string> MemberStateAsync(int observer, int node)
    {
        try
        {
            var view = await Http.GetFromJsonAsync<JsonElement>(new Uri(BaseAddress(observer), "cluster/members"));
            var address = $":{_remotePorts[node]}";
            if (view.GetProperty("unreachable").EnumerateArray().Any(u => u.GetString()!.EndsWith(address))) return "unreachable";
            return view.GetProperty("members").EnumerateArray().Any(m => m.GetProperty("node").GetString()!.EndsWith(address)) ? "member" : "removed";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return "no answer";
        }
    }

    /// <summary>The node hosting the singletons: the oldest member, as /cluster/singletons reports it.</summary>
    public async Task<int> SingletonHostAsync(int observer)
    {
        var view = await Http.GetFromJsonAsync<JsonElement>(new Uri(BaseAddress(observer), "cluster/singletons"));
        var oldest = view.GetProperty("oldest").GetString()!;
        return Array.FindIndex(_remotePorts, p => oldest.EndsWith($":{p}", StringComparison.Ordinal));
    }

    /// <summary>True once the scheduler singleton answers through this node's proxy.</summary>
    public async Task<bool> SchedulerAnswersAsync(int node)
    {
        try
        {
            using var response = await Http.GetAsync(new Uri(BaseAddress(node), "scheduler/jobs"));
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    public ValueTask DisposeAsync()
    {
        for (var i = 0; i < Size; i++) Kill(i);
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
        return ValueTask.CompletedTask;
    }
}
