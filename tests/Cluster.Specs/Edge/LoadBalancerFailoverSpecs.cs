using System.Net.Http.Json;
using MediaPlatform.Specs.MultiProcess;
using MediaPlatform.Testing.Api;
using Xunit.Abstractions;

namespace MediaPlatform.Specs.Edge;

/// <summary>
/// The load balancer in front of three node processes (nginx from deploy/nginx, as scripts/cluster.sh starts it):
/// with node 2 SIGKILLed under a steady stream of requests, every idempotent request (GET, POST with an
/// Idempotency-Key) still succeeds — nginx sends it again to another node — while a POST without a key is sent once
/// and may fail; those are counted apart and never asserted away.
/// </summary>
[Collection(MultiProcessCollection.Name)]
public sealed class LoadBalancerFailoverSpecs(ITestOutputHelper output)
{
    private static readonly TimeSpan BeforeKill = TimeSpan.FromSeconds(5);
    // Past the kill: downing (~15 s) and the killed node's entities starting again on a survivor.
    private static readonly TimeSpan AfterKill = TimeSpan.FromSeconds(35);
    private const int Workers = 3;

    [Fact]
    public async Task With_node_2_SIGKILLed_idempotent_requests_through_the_balancer_keep_succeeding()
    {
        await using var cluster = await NodeProcessCluster.StartAsync(3, new(output.WriteLine));
        await cluster.AwaitAllUpAsync(SpecTimeouts.Formation);
        await using var balancer = await LoadBalancer.StartAsync(cluster.Nodes);
        output.WriteLine($"3 nodes Up in {cluster.SinceLaunch.Elapsed.TotalSeconds:0.0} s; balancer {balancer.BaseAddress}");

        // A client waits as long as a failover can take: the balancer retries a request that timed out on a node.
        using var http = new HttpClient { BaseAddress = balancer.BaseAddress, Timeout = TimeSpan.FromSeconds(100) };
        var api = new ApiClient(http);
        var users = new List<SignedInUser>();
        for (var i = 0; i < 6; i++) users.Add(await api.NewUserAsync("edge"));

        var tally = new BalancerTally();
        using var stop = new CancellationTokenSource();
        var load = Enumerable.Range(0, Workers).Select(w => Task.Run(() => WorkAsync(http, w, users, tally, stop.Token))).ToArray();

        await Task.Delay(BeforeKill);
        var victim = cluster.Nodes[1];
        victim.Kill();
        output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} SIGKILL {victim.Name} ({victim.ContactPoint}); before: {tally}");
        await Task.Delay(AfterKill);
        await stop.CancelAsync();
        await Task.WhenAll(load);

        // The access log names every node a request was sent to: "upstream=127.0.0.1:a, 127.0.0.1:b upstream_status=502, 200".
        var upstreams = (await File.ReadAllLinesAsync(balancer.AccessLog))
            .Select(l => l.Split("upstream=").ElementAtOrDefault(1)?.Split(" upstream_status=")[0] ?? "").ToList();
        var metDeadNode = upstreams.Count(u => u.Contains(victim.ContactPoint));
        var retried = upstreams.Count(u => u.Contains(','));
        output.WriteLine($"through the balancer: {tally}");
        output.WriteLine($"requests the balancer sent to {victim.Name} at least once: {metDeadNode}; sent to more than one node: {retried}");
        foreach (var failure in tally.Failures) output.WriteLine($"  {failure}");

        Assert.True(tally.IdempotentOk > 0 && tally.OnceOk > 0, $"too little load got through: {tally}");
        Assert.True(metDeadNode > 0, "no request met the killed node: the spec did not exercise a failover");
        Assert.Equal(0, tally.IdempotentFailed);
        cluster.MarkPassed();
    }

    private static async Task WorkAsync(HttpClient http, int worker, IReadOnlyList<SignedInUser> users, BalancerTally tally, CancellationToken stop)
    {
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var user = users[(worker + i) % users.Count];
            var kind = i % 3;
            var (idempotent, request) = kind switch
            {
                0 => (true, new HttpRequestMessage(HttpMethod.Get, $"/api/users/{user.UserId}")),
                1 => (true, TitleRequest($"keyed {worker}-{i}", key: Guid.NewGuid().ToString("N"))),
                _ => (false, TitleRequest($"unkeyed {worker}-{i}", key: null)),
            };
            request.Headers.Authorization = new("Bearer", user.Token);
            try
            {
                // Never cancelled by the spec's clock: a request in flight at the end still counts.
                using var response = await http.SendAsync(request, CancellationToken.None);
                tally.Record(idempotent, response.IsSuccessStatusCode,
                    $"{request.Method} {request.RequestUri}: {(int)response.StatusCode} {Truncate(await response.Content.ReadAsStringAsync())}");
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                tally.Record(idempotent, false, $"{request.Method} {request.RequestUri}: {e.GetType().Name} {e.Message}");
            }
        }
    }

    private static HttpRequestMessage TitleRequest(string name, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/titles") { Content = JsonContent.Create(new { name, description = "" }) };
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    private static string Truncate(string text) => text.Length <= 200 ? text : text[..200];
}
