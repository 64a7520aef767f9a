using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MediaPlatform.Testing.Api;
using Xunit.Abstractions;

namespace MediaPlatform.Specs.MultiProcess;

/// <summary>
/// The run command (scripts/cluster.sh) makes random secrets per cluster, keeps them in 0600 files across restarts,
/// and hands them to the node without putting them on its command line, where any local user could read them.
/// One node is started through the script itself (`start 1` against a temp state directory).
/// </summary>
[Collection(MultiProcessCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class RunScriptSecretsSpecs(ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _state = new("run-script");
    private readonly int _httpPort = FreePorts.Next();
    private readonly int _remotePort = FreePorts.Next();
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    private Uri Api(string path) => new($"http://127.0.0.1:{_httpPort}{path}");

    private async Task<string> ScriptAsync(string command)
    {
        var info = new ProcessStartInfo("bash") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(NodeBinary.RepositoryRoot, "scripts", "cluster.sh"));
        foreach (var word in command.Split(' ')) info.ArgumentList.Add(word);
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("NODE_", StringComparison.Ordinal) || k.StartsWith("CLUSTER_", StringComparison.Ordinal)).ToList())
            info.Environment.Remove(key);
        info.Environment["CLUSTER_STATE_DIR"] = _state.Path;
        info.Environment["CLUSTER_HTTP_BASE"] = _httpPort.ToString();
        info.Environment["CLUSTER_REMOTE_BASE"] = _remotePort.ToString();
        info.Environment["CLUSTER_BUILD_CONFIGURATION"] = NodeBinary.Configuration;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(90));
        var text = await stdout + await stderr;
        output.WriteLine($"cluster.sh {command}: exit {process.ExitCode}\n{text}");
        Assert.Equal(0, process.ExitCode);
        return text;
    }

    private int NodePid() => int.Parse(File.ReadAllText(_state.Combine("node-1", "pid")).Trim());

    private async Task AwaitReadyAsync() => await Eventually.AwaitAsync(async () =>
    {
        if (!Directory.Exists($"/proc/{NodePid()}"))
            throw new InvalidOperationException("the node exited:\n" + string.Join('\n', File.ReadLines(_state.Combine("node-1", "node.log")).TakeLast(20)));
        try { return (await Http.GetAsync(Api("/health/ready"))).StatusCode == HttpStatusCode.OK; }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { return false; }
    }, SpecTimeouts.Formation, "the node started by cluster.sh to be ready");

    [Fact]
    public async Task Cluster_script_keeps_secrets_in_private_files_off_the_command_line_and_across_restarts()
    {
        File.WriteAllText(_state.Combine("count"), "1");
        await ScriptAsync("start 1");
        await AwaitReadyAsync();

        var secrets = _state.Combine("secrets");
        var tokenKey = File.ReadAllText(Path.Combine(secrets, "token-key")).Trim();
        var adminToken = File.ReadAllText(Path.Combine(secrets, "admin-token")).Trim();
        Assert.True(tokenKey.Length >= 32 && adminToken.Length >= 16, "secrets are too short");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(secrets));
        foreach (var file in Directory.GetFiles(secrets))
            Assert.True(File.GetUnixFileMode(file) == (UnixFileMode.UserRead | UnixFileMode.UserWrite), $"{file} is not 0600");

        // What `ps` shows of the node: the file names, never the secrets.
        var commandLine = File.ReadAllText($"/proc/{NodePid()}/cmdline").Split('\0');
        output.WriteLine(string.Join(' ', commandLine));
        Assert.Contains("--token-key-file", commandLine);
        Assert.DoesNotContain(commandLine, a => a.Contains(tokenKey) || a.Contains(adminToken));
        Assert.DoesNotContain(commandLine, a => a is "--token-key" or "--admin-token");

        // The admin token from the file is the node's admin token.
        using var asAdmin = new HttpRequestMessage(HttpMethod.Get, Api("/api/coupons/NO-SUCH-COUPON"));
        asAdmin.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
        Assert.NotEqual(HttpStatusCode.Unauthorized, (await Http.SendAsync(asAdmin)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Http.GetAsync(Api("/api/coupons/NO-SUCH-COUPON"))).StatusCode);

        // A user's token outlives a restart of the node: the key is kept with the cluster's state.
        using var anonymous = new HttpClient { BaseAddress = Api("/"), Timeout = Http.Timeout };
        var user = await new ApiClient(anonymous).NewUserAsync("restart", "Kept");
        var (userId, token) = (user.UserId, user.Token);

        await ScriptAsync("stop 1");
        await ScriptAsync("start 1");
        await AwaitReadyAsync();
        Assert.Equal(tokenKey, File.ReadAllText(Path.Combine(secrets, "token-key")).Trim());
        using var asUser = new HttpRequestMessage(HttpMethod.Get, Api($"/api/users/{userId}"));
        asUser.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await Http.SendAsync(asUser)).StatusCode);
    }

    public void Dispose()
    {
        try
        {
            if (File.Exists(_state.Combine("node-1", "pid")) && Process.GetProcessById(NodePid()) is { HasExited: false } node)
            {
                node.Kill();
                node.WaitForExit(10_000);
            }
        }
        catch (ArgumentException) { /* already gone */ }
        _state.Dispose();
    }
}
