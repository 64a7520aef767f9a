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
/// create titles with an Idempotency-Key and set display names (with a key). None of these may fail, and every
/// acknowledged write must read back afterwards. Prints p50/p99 during the roll. POSTs without a key run beside them,
/// counted and printed but not asserted, as in <see cref="LoadBalancerFailoverSpecs"/>: each nginx reload closes the
/// client connections it has accepted but not read a request from yet, and one sent at that instant fails before any
/// answer, which no client may repeat without a key (RFC 9112 9.3.1); and a request can still meet the one move of the
/// shard coordinators (a 503 after the 10 s ask timeout on a loaded machine). Clients behave as well-behaved clients
/// do across a reload (<see cref="SendAsync"/>); how often that happened is printed.
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
    public async Task Rolling_restart_under_load_fails_no_repeatable_request_and_loses_no_acknowledged_write()
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
        var clientRetries = new Counter();
        using var stop = new CancellationTokenSource();
        var load = Enumerable.Range(0, Workers)
            .Select(w => Task.Run(() => WorkAsync(http, w, users.Skip(w * UsersPerWorker).Take(UsersPerWorker).ToList(), tally, writes, latencies, clientRetries, stop.Token)))
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
        output.WriteLine($"through the balancer: {tally}; sent again by the client after a keep-alive connection closed before any answer: {clientRetries.Value}");
        foreach (var failure in tally.Failures) output.WriteLine($"  {failure}");

        var lost = await LostWritesAsync(http, writes);
        output.WriteLine($"acknowledged writes read back: {writes.Count - lost.Count} of {writes.Count}");
        foreach (var miss in lost.Take(20)) output.WriteLine($"  lost: {miss}");

        Assert.True(tally.IdempotentOk > 0 && tally.OnceOk > 0 && during > 0, $"too little load got through: {tally}");
        Assert.Equal(0, tally.IdempotentFailed);
        Assert.Empty(lost);
        output.WriteLine($"spec took {clock.Elapsed.TotalSeconds:0} s");
    }

    private static List<int> NodePids(ClusterScript script) =>
        Enumerable.Range(1, script.Nodes).Select(i => int.Parse(File.ReadAllText(Path.Combine(script.StateDirectory, $"node-{i}", "pid")).Trim())).ToList();

    private static async Task WorkAsync(HttpClient http, int worker, IReadOnlyList<SignedInUser> users, BalancerTally tally,
        AcknowledgedWrites writes, RequestLatencies latencies, Counter clientRetries, CancellationToken stop)
    {
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var user = users[i % users.Count];
            var name = $"w{worker}-{i}";
            var key = Guid.NewGuid().ToString("N");
            var (idempotent, request) = (i % 4) switch
            {
                0 => (true, (Func<HttpRequestMessage>)(() => new HttpRequestMessage(HttpMethod.Get, $"/api/users/{user.UserId}"))),
                1 => (true, () => TitleRequest($"keyed {name}", key)),
                // Setting a display name is idempotent (the same value again changes nothing), so it carries a key
                // and may be repeated.
                2 => (true, () => ProfileRequest(user.UserId, name, key)),
                _ => (false, () => TitleRequest($"unkeyed {name}", key: null)),
            };
            var started = DateTime.UtcNow;
            var took = Stopwatch.StartNew();
            try
            {
                using var response = await SendAsync(http, request, user.Token, idempotent, clientRetries);
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

    /// <summary>
    /// Sends the request as a well-behaved client does: one that may be repeated (GET, or carrying an
    /// Idempotency-Key) is sent once more when its keep-alive connection failed before any response — what the
    /// balancer's old worker does to idle connections when it reloads; HttpClient repeats only bodiless requests
    /// by itself. Never cancelled by the spec's clock: a request in flight at the end still counts.
    /// </summary>
    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, Func<HttpRequestMessage> make, string token, bool repeatable, Counter clientRetries)
    {
        for (var attempt = 1; ; attempt++)
        {
            var request = make();
            request.Headers.Authorization = new("Bearer", token);
            try
            {
                return await http.SendAsync(request, CancellationToken.None);
            }
            catch (HttpRequestException) when (repeatable && attempt == 1)
            {
                clientRetries.Increment();
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

    /// <summary>A count shared by the clients.</summary>
    private sealed class Counter
    {
        private int _value;
        public int Value => _value;
        public void Increment() => Interlocked.Increment(ref _value);
    }

    private static string Truncate(string text) => text.Length <= 200 ? text : text[..200];
}
