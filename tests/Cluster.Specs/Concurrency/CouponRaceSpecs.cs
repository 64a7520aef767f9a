using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MediaPlatform.Specs.MultiProcess;
using MediaPlatform.Specs.Support.Processes;
using Xunit.Abstractions;

namespace MediaPlatform.Specs.Concurrency;

/// <summary>Redemptions of one coupon racing on every node of a real 3-process cluster: the limit holds cluster-wide.</summary>
[Collection(MultiProcessCollection.Name)]
public sealed class CouponRaceSpecs(ITestOutputHelper output)
{
    private const int Users = 50, Limit = 7, PercentOff = 30, SignUpBatch = 10;
    private const long StandardPrice = 1549, Discount = 464; // 30 % of 1549 = 464.7, rounded down
    private static readonly TimeSpan RetryDeadline = TimeSpan.FromSeconds(60);

    private sealed record Racer(string UserId, string Token, string InvoiceId);

    /// <summary>A node's answer and how many 503s came before it.</summary>
    private sealed record Answer(NodeApi.Reply Reply, int Retries)
    {
        public HttpStatusCode Status => Reply.Status;
        public string Body => Reply.Body;
        public JsonElement Json => Reply.Json;
    }

    [Fact]
    public async Task Fifty_concurrent_redemptions_of_a_coupon_limited_to_seven_must_succeed_exactly_seven_times()
    {
        await using var cluster = await NodeProcessCluster.StartAsync(3, new(output.WriteLine));
        await cluster.AwaitAllUpAsync(SpecTimeouts.Formation);
        var nodes = cluster.Nodes.Select(n => new NodeApi(n, TimeSpan.FromSeconds(60))).ToArray();
        var clock = Stopwatch.StartNew();

        var code = $"RACE-{Guid.NewGuid():N}"[..17].ToUpperInvariant();
        var coupon = new { code, kind = "Percent", percentOff = PercentOff, amountOffMinor = 0, currency = (string?)null,
            expiresAt = DateTimeOffset.UtcNow.AddDays(1), maxRedemptions = Limit };
        var created = await nodes[0].SendAsync(HttpMethod.Post, "/api/coupons", NodeProcessCluster.AdminToken, coupon);
        Assert.True(created.Status == HttpStatusCode.Created, created.Body);

        // Sign-up and login each hash a password (~50 ms): a few at a time, spread over the nodes.
        var racers = new List<Racer>();
        for (var first = 0; first < Users; first += SignUpBatch)
            racers.AddRange(await Task.WhenAll(Enumerable.Range(first, SignUpBatch).Select(i => RacerAsync(nodes[(i + 1) % nodes.Length], i))));
        var prepared = clock.Elapsed;

        // Every redemption waits at one gate, then each goes to the next node round-robin.
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var race = racers.Select(async (racer, i) =>
        {
            await gate.Task;
            var key = $"redeem-{i}";
            return await RetryWhileUnavailableAsync(() => nodes[i % nodes.Length].SendAsync(HttpMethod.Post,
                $"/api/users/{racer.UserId}/billing/invoices/{racer.InvoiceId}/coupon", racer.Token, new { code }, key));
        }).ToArray();
        var raceClock = Stopwatch.StartNew();
        gate.SetResult();
        var results = await Task.WhenAll(race);
        var raced = raceClock.Elapsed;

        var won = results.Where(r => r.Status == HttpStatusCode.OK).ToArray();
        var lost = results.Where(r => r.Status == HttpStatusCode.Conflict).ToArray();
        var other = results.Where(r => r.Status is not (HttpStatusCode.OK or HttpStatusCode.Conflict)).Select(r => $"{(int)r.Status}");
        output.WriteLine($"{Users} users prepared in {prepared.TotalSeconds:0.0} s; race took {raced.TotalSeconds:0.00} s: " +
                         $"{won.Length} redeemed (200), {lost.Length} refused (409), other [{string.Join(", ", other)}], 503 retries {results.Sum(r => r.Retries)}");
        Assert.Equal(Limit, won.Length);
        Assert.Equal(Users - Limit, lost.Length);
        Assert.All(won, r => Assert.Equal((Discount, StandardPrice - Discount),
            (r.Json.GetProperty("discountMinor").GetInt64(), r.Json.GetProperty("totalMinor").GetInt64())));
        Assert.All(lost, r => Assert.Contains("fully redeemed", r.Body));

        var view = await nodes[2].SendAsync(HttpMethod.Get, $"/api/coupons/{code}", NodeProcessCluster.AdminToken);
        var redeemed = view.Json.GetProperty("redeemed").GetInt32();
        output.WriteLine($"GET coupon {code}: redeemed = {redeemed} of {Limit}");
        Assert.Equal(Limit, redeemed);

        // No invoice carries a discount the coupon did not grant.
        var discounted = 0;
        foreach (var (racer, i) in racers.Select((r, i) => (r, i)))
        {
            var invoice = await nodes[i % nodes.Length].SendAsync(HttpMethod.Get, $"/api/users/{racer.UserId}/billing/invoices/{racer.InvoiceId}", racer.Token);
            if (invoice.Json.GetProperty("discountMinor").GetInt64() == Discount) discounted++;
        }
        Assert.Equal(Limit, discounted);

        foreach (var node in nodes) node.Dispose();
        cluster.MarkPassed();
    }

    /// <summary>Signs up, logs in and subscribes (one open invoice) through one node; keyed, so a retry is safe.</summary>
    private static async Task<Racer> RacerAsync(NodeApi node, int i)
    {
        var (email, password, signUpKey) = ($"coupon-racer-{i}-{Guid.NewGuid():N}@example.com", "correct horse battery", Guid.NewGuid().ToString());
        var signUp = await RetryWhileUnavailableAsync(() =>
            node.SendAsync(HttpMethod.Post, "/api/users", null, new { email, password, displayName = $"Racer {i}" }, signUpKey));
        Assert.True(signUp.Status == HttpStatusCode.Created, signUp.Body);
        var login = await RetryWhileUnavailableAsync(() => node.SendAsync(HttpMethod.Post, "/api/sessions", null, new { email, password }));
        Assert.True(login.Status == HttpStatusCode.OK, login.Body);
        var session = login.Json;
        var (userId, token) = (session.GetProperty("userId").GetString()!, session.GetProperty("token").GetString()!);
        var orderKey = Guid.NewGuid().ToString();
        var order = await RetryWhileUnavailableAsync(() =>
            node.SendAsync(HttpMethod.Post, $"/api/users/{userId}/billing/subscription", token, new { planId = "standard" }, orderKey));
        Assert.True(order.Status == HttpStatusCode.Created, order.Body);
        return new Racer(userId, token, order.Json.GetProperty("invoice").GetProperty("invoiceId").GetString()!);
    }

    /// <summary>503 means "not decided, retry with the same key"; every request retried here is keyed or a read.</summary>
    private static async Task<Answer> RetryWhileUnavailableAsync(Func<Task<NodeApi.Reply>> send)
    {
        var deadline = DateTime.UtcNow + RetryDeadline;
        for (var retries = 0; ; retries++)
        {
            var answer = await send();
            if (answer.Status != HttpStatusCode.ServiceUnavailable || DateTime.UtcNow > deadline) return new Answer(answer, retries);
        }
    }

}
