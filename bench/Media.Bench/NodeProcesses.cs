using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace MediaPlatform.Bench.Media;

/// <summary>
/// Real node processes (the Cluster.Node binary next to this bench) on loopback, one SQLite journal and one blob
/// directory, optionally each pinned to a CPU core with taskset. Killed (whole process tree) on dispose, also when a
/// scenario fails.
/// </summary>
public sealed class NodeProcesses : IAsyncDisposable
{
    /// <summary>Management routes need the admin token; handed to the nodes by environment, never argv.</summary>
    public const string AdminToken = "bench-admin-token-0123456789";
    private static readonly HttpClient Http = new()
    {
        Timeout = TimeSpan.FromSeconds(5),
        DefaultRequestHeaders = { Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", AdminToken) },
    };
    private readonly List<Process> _processes = [];

    private NodeProcesses(string folder, int[] httpPorts) => (Folder, HttpPorts) = (folder, httpPorts);

    public string Folder { get; }

    public int[] HttpPorts { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{HttpPorts[0]}/");

    /// <param name="cores">The core each node is pinned to (taskset -c), or null for no pinning; one node per entry.</param>
    public static async Task<NodeProcesses> StartAsync(string folder, IReadOnlyList<int?> cores, string hocon)
    {
        Directory.CreateDirectory(folder);
        var config = Path.Combine(folder, "bench.hocon");
        // One client address uploads every run: the shipped per-address limits on uploads and titles would refuse it.
        await File.WriteAllTextAsync(config, "media-platform.security.rate-limits { uploads-per-address = 1000000, titles-per-address = 1000000 }\n" + hocon);
        var remote = cores.Select(_ => FreePorts.Next()).ToArray();
        var nodes = new NodeProcesses(folder, cores.Select(_ => FreePorts.Next()).ToArray());
        try
        {
            for (var i = 0; i < cores.Count; i++)
            {
                var node = Path.Combine(AppContext.BaseDirectory, "Cluster.Node.dll");
                string[] args =
                [
                    "--hostname", "127.0.0.1", "--http-port", nodes.HttpPorts[i].ToString(), "--remote-port", remote[i].ToString(),
                    "--seed-nodes", $"akka.tcp://media@127.0.0.1:{remote[0]}", "--data-dir", Path.Combine(folder, $"node-{i + 1}"),
                    "--blob-dir", Path.Combine(folder, "blobs"), "--sqlite-file", Path.Combine(folder, "journal.db"),
                    "--config", config, "--log-level", "Warning",
                ];
                var info = cores[i] is { } core ? new ProcessStartInfo("taskset") : new ProcessStartInfo("dotnet");
                if (cores[i] is { } pinned) { info.ArgumentList.Add("-c"); info.ArgumentList.Add(pinned.ToString()); info.ArgumentList.Add("dotnet"); }
                info.ArgumentList.Add(node);
                foreach (var a in args) info.ArgumentList.Add(a);
                info.Environment["NODE_ADMIN_TOKEN"] = AdminToken;
                info.RedirectStandardError = info.RedirectStandardOutput = true;
                // Nodes that join each other need one shared token key; secrets go by environment, never argv.
                info.Environment["NODE_TOKEN_KEY"] = "media-bench-token-key-0123456789abcdef";
                var process = Process.Start(info)!;
                process.OutputDataReceived += (_, _) => { };
                process.ErrorDataReceived += (_, _) => { };
                process.BeginOutputReadLine();
                process.BeginErrorReadLine();
                nodes._processes.Add(process);
                await nodes.AwaitUpAsync(i + 1);
            }
            return nodes;
        }
        catch
        {
            await nodes.DisposeAsync();
            throw;
        }
    }

    private async Task AwaitUpAsync(int members)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            if (_processes.Any(p => p.HasExited)) throw new InvalidOperationException("a node exited while the cluster formed");
            try
            {
                var view = await Http.GetFromJsonAsync<JsonElement>(new Uri(BaseAddress, "cluster/members"));
                if (view.GetProperty("members").EnumerateArray().Count(m => m.GetProperty("status").GetString() == "Up") == members) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException($"{members} node(s) did not come Up within 120 s");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var p in _processes)
        {
            try { p.Kill(entireProcessTree: true); await p.WaitForExitAsync(); }
            catch (InvalidOperationException) { /* already gone */ }
            p.Dispose();
        }
    }
}
