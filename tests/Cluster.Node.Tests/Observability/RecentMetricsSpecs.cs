using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MediaPlatform.Node.Tests.Api.Billing;
using MediaPlatform.Node.Tests.Support;

namespace MediaPlatform.Node.Tests.Observability;

/// <summary>
/// GET /cluster/metrics/recent (the ops page's charts): the admin token only; 5 s samples of what the node served
/// (requests, journal writes, payments); and with <c>media-platform.observability.metrics = off</c> neither it nor
/// /metrics exists.
/// </summary>
[Collection(ProcessWideMetersCollection.Name)]
public sealed class RecentMetricsSpecs(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    private TestNode Node => fixture.Node;

    [Fact]
    public async Task Recent_metrics_are_refused_without_the_admin_token()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await Node.Http.GetAsync("/cluster/metrics/recent")).StatusCode);
        using var user = await BillingApiClient.SignUpAsync(Node, cardNumber: null);
        Assert.Equal(HttpStatusCode.Forbidden, (await user.Http.GetAsync("/cluster/metrics/recent")).StatusCode);
    }

    [Fact]
    public async Task A_sample_counts_the_requests_journal_writes_and_payments_the_node_served()
    {
        using var payer = await BillingApiClient.SignUpAsync(Node, BillingApiClient.ApprovingCard);
        await payer.SubscribedInvoiceAsync();
        using var admin = Node.ClientWithToken(TestNode.AdminToken);

        var node = default(JsonElement);
        await Eventually.AwaitAsync(async () =>
        {
            var recent = await admin.GetFromJsonAsync<JsonElement>("/cluster/metrics/recent");
            Assert.Equal(5, recent.GetProperty("intervalSeconds").GetInt32());
            node = Assert.Single(recent.GetProperty("nodes").EnumerateArray());
            return node.GetProperty("samples").EnumerateArray().Sum(s => s.GetProperty("paymentsCharged").GetInt64()) > 0;
        }, TimeSpan.FromSeconds(30), "a sample with the charged payment", TimeSpan.FromSeconds(1));

        Assert.Equal(Node.Options.NodeName, node.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, node.GetProperty("error").ValueKind);
        var samples = node.GetProperty("samples").EnumerateArray().ToArray();
        Assert.True(samples.Sum(s => s.GetProperty("requests").GetInt64()) >= 3, "sign-up, card and subscription requests counted");
        Assert.True(samples.Sum(s => s.GetProperty("journalWrites").GetInt64()) >= 2, "user and billing writes counted");
        Assert.Contains(samples, s => s.GetProperty("requestP99Ms").GetDouble() > 0 && s.GetProperty("journalP99Ms").GetDouble() > 0);
        // Samples are aligned to the interval, so every node's series share timestamps, one sample per interval.
        var times = samples.Select(s => s.GetProperty("at").GetDateTimeOffset()).ToArray();
        Assert.All(times, at => Assert.Equal(0, at.ToUnixTimeSeconds() % 5));
        Assert.All(times.Zip(times.Skip(1)), pair => Assert.True(pair.Item2 > pair.Item1, $"samples at {pair.Item1} then {pair.Item2}"));
    }

    [Fact]
    public async Task With_metrics_off_neither_metrics_nor_recent_series_are_served()
    {
        using var config = new TempDirectory();
        var file = Path.Combine(config.Path, "metrics-off.hocon");
        await File.WriteAllTextAsync(file, "media-platform.observability.metrics = off\n");
        await using var node = await TestNode.StartAsync("--config", file);
        using var admin = node.ClientWithToken(TestNode.AdminToken);

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/cluster/metrics/recent")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/cluster/members")).StatusCode); // the rest of management stays
    }
}
