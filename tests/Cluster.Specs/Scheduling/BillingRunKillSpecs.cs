using System.Diagnostics;
using System.Net;
using System.Text.Json;
using MediaPlatform.Specs.MultiProcess;
using MediaPlatform.Specs.Support.Processes;
using Xunit.Abstractions;

namespace MediaPlatform.Specs.Scheduling;

/// <summary>
/// The billing run with the real binary: three node processes sign up subscribers, are restarted with their clock a
/// month ahead (media-platform.clock.offset), and the process hosting the scheduler singleton is SIGKILLed in the
/// middle of the billing run. The run completes on another node; every subscriber has exactly one renewal invoice
/// and exactly one automatic payment attempt on it (charged, or declined for the declining card).
/// </summary>
[Collection(MultiProcessCollection.Name)]
public sealed class BillingRunKillSpecs(ITestOutputHelper output)
{
    private const int Subscribers = 60;
    private const string ApprovingCard = "4242424242424242";
    private const string DecliningCard = "4000000000000002"; // last four 0002: declined by the built-in gateway
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);
    private readonly Stopwatch _elapsed = Stopwatch.StartNew();

    private sealed record Subscriber(string UserId, string Token, bool Declines);

    [Fact]
    public async Task SIGKILL_of_the_singletons_node_mid_billing_run_must_still_invoice_every_subscriber_once_and_charge_at_most_once()
    {
        using var settings = new TempDirectory("scheduler-config");
        var configFile = settings.Combine("scheduler.hocon");
        await File.WriteAllTextAsync(configFile, SchedulerConfig("0s"));
        await using var cluster = await NodeProcessCluster.StartAsync(3, new(output.WriteLine, ExtraArguments: ["--config", configFile]));
        await cluster.AwaitAllUpAsync(SpecTimeouts.Formation);

        var apis = cluster.Nodes.Select(n => new NodeApi(n)).ToArray();
        using var sixAtOnce = new SemaphoreSlim(6); // clients of a 2-core machine sharing one SQLite file
        var subscribers = await Task.WhenAll(Enumerable.Range(0, Subscribers).Select(async i =>
        {
            await sixAtOnce.WaitAsync();
            try { return await SubscribeAsync(apis[i % 3], i); }
            finally { sixAtOnce.Release(); }
        }));
        Note($"{Subscribers} subscribers signed up, subscribed and paid");

        // A month later: every node restarts with its clock 32 days ahead, as after a long outage.
        foreach (var node in cluster.Nodes) node.Terminate();
        foreach (var node in cluster.Nodes) await node.WaitForExitAsync(TimeSpan.FromSeconds(60));
        await File.WriteAllTextAsync(configFile, SchedulerConfig("32d"));
        await Task.WhenAll(cluster.Nodes.Select(cluster.RestartAsync));
        await cluster.AwaitAllUpAsync(SpecTimeouts.Formation);
        Note("restarted with the clock 32 days ahead");

        var host = await SingletonHostAsync(cluster);
        string runKey = "";
        await Eventually.AwaitAssertAsync(async () =>
        {
            var running = (await JobAsync(apis[0])).GetProperty("running");
            Assert.True(running.ValueKind == JsonValueKind.Object && running.GetProperty("processed").GetInt32() >= 15,
                $"waiting for the billing run to be under way: {running}");
            runKey = running.GetProperty("runKey").GetString()!;
        }, Deadline);
        host.Kill();
        Note($"{runKey} under way; SIGKILLed {host.Name}, which hosted the scheduler");

        var survivor = apis[cluster.Nodes.ToList().FindIndex(n => n != host)];
        JsonElement finished = default;
        var took = await Eventually.AwaitAssertAsync(async () =>
        {
            var history = (await JobAsync(survivor)).GetProperty("history").EnumerateArray();
            finished = history.FirstOrDefault(r => r.GetProperty("runKey").GetString() == runKey);
            Assert.True(finished.ValueKind == JsonValueKind.Object, $"waiting for {runKey} to finish");
        }, Deadline);
        Note($"run finished {took.TotalSeconds:0.0} s after the kill: {finished.GetProperty("processed")}/{finished.GetProperty("total")}, " +
             $"counters {finished.GetProperty("counters")}, resumptions {finished.GetProperty("resumptions")}");

        Assert.True(finished.GetProperty("resumptions").GetInt32() >= 1);
        Assert.Equal(0, finished.GetProperty("failed").GetInt32());
        foreach (var subscriber in subscribers) await AssertBilledOnceAsync(survivor, subscriber);
        cluster.MarkPassed();
    }

    private static string SchedulerConfig(string clockOffset) => $$"""
        media-platform.clock.offset = {{clockOffset}}
        media-platform.scheduler {
          tick-interval = 200ms
          checkpoint-every = 5
          checkpoint-interval = 500ms
          runner-restart-delay = 1s
          jobs.billing-cycle.items-per-second = 8
        }
        """;

    private static async Task<Subscriber> SubscribeAsync(NodeApi api, int i)
    {
        var declines = i % 10 == 7;
        // Subscribing charges the first month at once (active only once paid); a declining card becomes the default after.
        var (userId, token) = await api.SignUpWithCardAsync($"subscriber-{i}", ApprovingCard);
        var order = (await api.SendAsync(HttpMethod.Post, $"/api/users/{userId}/billing/subscription", token, new { planId = "basic" }, $"sub-{i}"))
            .Expect(HttpStatusCode.Created).Json;
        Assert.Equal("Active", order.GetProperty("account").GetProperty("status").GetString());
        if (declines)
            (await api.SendAsync(HttpMethod.Post, $"/api/users/{userId}/cards", token,
                new { number = DecliningCard, expiryMonth = 12, expiryYear = DateTime.UtcNow.Year + 3, makeDefault = true })).Expect(HttpStatusCode.Created);
        return new Subscriber(userId, token, declines);
    }

    private static async Task AssertBilledOnceAsync(NodeApi api, Subscriber s)
    {
        var invoices = (await api.SendAsync(HttpMethod.Get, $"/api/users/{s.UserId}/billing/invoices", s.Token)).Expect(HttpStatusCode.OK)
            .Json.GetProperty("invoices").EnumerateArray().ToList();
        var renewal = Assert.Single(invoices, i => i.GetProperty("kind").GetString() == "Renewal");
        var renewalId = renewal.GetProperty("invoiceId").GetString();
        var attempts = (await api.SendAsync(HttpMethod.Get, $"/api/users/{s.UserId}/billing/payments", s.Token)).Expect(HttpStatusCode.OK)
            .Json.GetProperty("payments").EnumerateArray().Where(p => p.GetProperty("invoiceId").GetString() == renewalId).ToList();
        var attempt = Assert.Single(attempts);
        Assert.Equal($"auto-{renewalId}-1", attempt.GetProperty("key").GetString());
        Assert.Equal(s.Declines ? "Declined" : "Succeeded", attempt.GetProperty("status").GetString());
        Assert.Equal(s.Declines ? "Open" : "Paid", renewal.GetProperty("status").GetString());
    }

    /// <summary>Singletons run on the oldest member: find which process that is.</summary>
    private static async Task<NodeProcess> SingletonHostAsync(NodeProcessCluster cluster)
    {
        using var api = new NodeApi(cluster.Nodes[0]);
        var oldest = (await api.SendAsync(HttpMethod.Get, "/cluster/singletons", NodeProcessCluster.AdminToken)).Expect(HttpStatusCode.OK).Json.GetProperty("oldest").GetString()!;
        return cluster.Nodes.Single(n => oldest.EndsWith($":{n.RemotePort}", StringComparison.Ordinal));
    }

    private static async Task<JsonElement> JobAsync(NodeApi api) =>
        (await api.SendAsync(HttpMethod.Get, "/scheduler/jobs/billing-cycle", NodeProcessCluster.AdminToken)).Expect(HttpStatusCode.OK).Json;

    private void Note(string message) => output.WriteLine($"[{_elapsed.Elapsed.TotalSeconds,6:0.0} s] {message}");
}
