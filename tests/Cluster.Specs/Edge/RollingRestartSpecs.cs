using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MediaPlatform.Specs.MultiProcess;
using MediaPlatform.Testing.Api;
using Xunit.Abstractions;

namespace MediaPlatform.Specs.Edge;

/// <summary>
/// `scripts/cluster.sh rolling-restart` under load through the balancer, on a cluster the run command itself started
/// (3 node processes and nginx): every node is drained, leaves and is replaced in turn while clients read profiles,
/// create titles with an Idempotency-Key, set display names (with a key) and create titles without a key. None of
/// these may fail — the clients send every request once and never repeat one, so a POST without a key that met a
/// closing connection would show — and every acknowledged write must read back afterwards. The roll never reloads the
/// balancer (a reload closes its clients' idle keep-alive connections, under any request sent at that instant): nodes
/// leave and rejoin it through their edge ports (docs/operations.md). Prints p50/p99 during the roll and how many
/// requests nginx sent to another node after a refused connect.
/// ROLLING_RESTART_LONG=1: more clients and the whole cluster rolled three times.
/// </summary>
[Collection(MultiProcessCollection.Name)]
public sealed class RollingRestartSpecs(ITestOutputHelper output)
{
    private static readonly bool Long = Environment.GetEnvironmentVariable("ROLLING_RESTART_LONG") == "1";
    private static readonly int Workers = Long ? 8 : 3;
    private static readonly int Rolls = Long ? 3 : 1;
    private const int UsersPerWorker = 2;

    [Fact]
    public async Task Rolling_restart_under_load_fails_no_request_of_any_kind_and_loses_no_acknowledged_write()
    {
        var clock = Stopwatch.StartNew();
        await using var script = new ClusterScript(nodes: 3);
        var (upExit, upOutput) = await script.UpAsync();
        Assert.True(upExit == 0, $"cluster.sh up: exit {upExit}\n{upOutput}");
        output.WriteLine($"3 nodes and the balancer up in {clock.Elapsed.TotalSeconds:0.0} s; balancer {script.BalancerAddress}");

        using var http = new HttpClient { BaseAddress = script.BalancerAddress, Timeout = TimeSpan.FromSeconds(100) };
        var api = new ApiClient(http);
        var users = new List<SignedInUser>();
        for (var i = 0; i < Workers * UsersPerWorker; i++) users.Add(await api.NewUserAsync("roll"));

        var tally = new BalancerTally();
        var writes = new AcknowledgedWrites();
        var latencies = new RequestLatencies();
        using var stop = new CancellationTokenSource();
        var load = Enumerable.Range(0, Workers)
            .Select(w => Task.Run(() => WorkAsync(http, w, users.Skip(w * UsersPerWorker).Take(UsersPerWorker).ToList(), tally, writes, latencies, stop.Token)))
            .ToArray();
        await Task.Delay(TimeSpan.FromSeconds(3));

        var rollStarted = DateTime.UtcNow;
        var pidsBefore = NodePids(script);
        for (var roll = 1; roll <= Rolls; roll++)
        {
            var (exit, rollOutput) = await script.RunAsync(["rolling-restart"], TimeSpan.FromMinutes(6),
                line => output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {line}"));
            Assert.True(exit == 0, $"rolling-restart {roll}: exit {exit}\n{rollOutput}");
        }
        var rollEnded = DateTime.UtcNow;
        await Task.Delay(TimeSpan.FromSeconds(2));
        await stop.CancelAsync();
        await Task.WhenAll(load);

        // Every node is a new process, and all three are members again.
        var pidsAfter = NodePids(script);
        Assert.All(pidsAfter, p => Assert.DoesNotContain(p, pidsBefore));
        var (during, p99) = latencies.Within(rollStarted, rollEnded, 99);
        var (_, p50) = latencies.Within(rollStarted, rollEnded, 50);
        output.WriteLine($"roll{(Rolls > 1 ? $" x{Rolls}" : "")}: {(rollEnded - rollStarted).TotalSeconds:0.0} s, {Workers} clients, " +
                         $"{during} requests started during it: p50 {p50.TotalMilliseconds:0} ms, p99 {p99.TotalMilliseconds:0} ms");
        output.WriteLine($"through the balancer: {tally}");
        // A node re-sends a create whose 10 s entity ask timed out (lost in a shard hand-over); those take over 10 s.
        output.WriteLine($"requests that took 10 s or more: {latencies.Slower(TimeSpan.FromSeconds(10))}");
        foreach (var slow in File.ReadLines(script.BalancerAccessLog)
                     .Where(l => double.TryParse(l.Split(" time=").ElementAtOrDefault(1), System.Globalization.CultureInfo.InvariantCulture, out var took) && took >= 10)
                     .Take(20))
            output.WriteLine($"  {slow}");
        foreach (var failure in tally.Failures) output.WriteLine($"  {failure}");
        // "upstream=127.0.0.1:a, 127.0.0.1:b": nginx met a refused (draining or starting) edge port and sent the
        // request on; for a POST without a key that is safe only because nothing had been sent.
        var resent = File.ReadLines(script.BalancerAccessLog)
            .Where(l => l.Split("upstream=").ElementAtOrDefault(1)?.Split(" upstream_status=")[0].Contains(',') == true)
            .GroupBy(l => l.Contains("retry_safe=1")).ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine($"sent to another node after a refused connect: {resent.GetValueOrDefault(true)} retry-safe, {resent.GetValueOrDefault(false)} without a key");
        var reloads = File.ReadLines(Path.Combine(script.StateDirectory, "lb", "error.log")).Count(l => l.Contains("signal process started"));
        var lost = await LostWritesAsync(http, writes);
        output.WriteLine($"acknowledged writes read back: {writes.Count - lost.Count} of {writes.Count}");
        foreach (var miss in lost.Take(20)) output.WriteLine($"  lost: {miss}");

        Assert.True(tally.IdempotentOk > 0 && tally.OnceOk > 0 && during > 0, $"too little load got through: {tally}");
        Assert.Equal(0, tally.IdempotentFailed);
        Assert.Equal(0, tally.OnceFailed);
        Assert.True(reloads == 0, $"the balancer was reloaded {reloads} times during the roll");
        Assert.Empty(lost);
        output.WriteLine($"spec took {clock.Elapsed.TotalSeconds:0} s");
    }

    private static List<int> NodePids(ClusterScript script) =>
        Enumerable.Range(1, script.Nodes).Select(i => int.Parse(File.ReadAllText(Path.Combine(script.StateDirectory, $"node-{i}", "pid")).Trim())).ToList();

    private static async Task WorkAsync(HttpClient http, int worker, IReadOnlyList<SignedInUser> users, BalancerTally tally,
        AcknowledgedWrites writes, RequestLatencies latencies, CancellationToken stop)
    {
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var user = users[i % users.Count];
            var name = $"w{worker}-{i}";
            var key = Guid.NewGuid().ToString("N");
            var (idempotent, request) = (i % 4) switch
            {
                0 => (true, new HttpRequestMessage(HttpMethod.Get, $"/api/users/{user.UserId}")),
                1 => (true, TitleRequest($"keyed {name}", key)),
                // Setting a display name is idempotent (the same value again changes nothing), so it carries a key
                // and the balancer may repeat it.
                2 => (true, ProfileRequest(user.UserId, name, key)),
                _ => (false, TitleRequest($"unkeyed {name}", key: null)),
            };
            request.Headers.Authorization = new("Bearer", user.Token);
            var started = DateTime.UtcNow;
            var took = Stopwatch.StartNew();
            try
            {
                // Sent once, never repeated by the spec, and never cancelled by its clock: a request in flight at the
                // end still counts.
                using var response = await http.SendAsync(request, CancellationToken.None);
                var body = await response.Content.ReadAsStringAsync();
                latencies.Record(started, took.Elapsed);
                tally.Record(idempotent, response.IsSuccessStatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {Truncate(body)}");
                if (!response.IsSuccessStatusCode) continue;
                if (response.RequestMessage?.Method == HttpMethod.Post) writes.TitleCreated(user.Token, JsonDocument.Parse(body).RootElement.GetProperty("titleId").GetString()!);
                else if (response.RequestMessage?.Method == HttpMethod.Patch) writes.DisplayNameSet(user.UserId, user.Token, name);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                latencies.Record(started, took.Elapsed);
                tally.Record(idempotent, false, $"request {i % 4} of worker {worker}: {e.GetType().Name} {e.Message} {e.InnerException?.Message}");
            }
        }
    }

    /// <summary>Every acknowledged write that does not read back as acknowledged.</summary>
    private static async Task<List<string>> LostWritesAsync(HttpClient http, AcknowledgedWrites writes)
    {
        var lost = new List<string>();
        foreach (var (token, titleId) in writes.Titles)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/titles/{titleId}");
            request.Headers.Authorization = new("Bearer", token);
            using var response = await http.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.OK) lost.Add($"title {titleId}: {(int)response.StatusCode}");
        }
        foreach (var (userId, (token, displayName)) in writes.DisplayNames)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/users/{userId}");
            request.Headers.Authorization = new("Bearer", token);
            using var response = await http.SendAsync(request);
            var seen = response.IsSuccessStatusCode
                ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("displayName").GetString()
                : $"HTTP {(int)response.StatusCode}";
            if (seen != displayName) lost.Add($"user {userId}: display name '{seen}', acknowledged '{displayName}'");
        }
        return lost;
    }

    private static HttpRequestMessage TitleRequest(string name, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/titles") { Content = JsonContent.Create(new { name, description = "" }) };
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    private static HttpRequestMessage ProfileRequest(string userId, string displayName, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/users/{userId}") { Content = JsonContent.Create(new { displayName }) };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    private static string Truncate(string text) => text.Length <= 200 ? text : text[..200];
}
