using System.Net;
using MediaPlatform.Node.Tests.Api.Billing;
using MediaPlatform.Node.Tests.Support;

namespace MediaPlatform.Node.Tests.Observability;

/// <summary>
/// GET /metrics: Prometheus text for the operator's admin token, our meters' series, values that follow what the
/// node does, and label sets that do not grow with the ids callers use.
/// </summary>
[Collection(ProcessWideMetersCollection.Name)]
public sealed class MetricsEndpointSpecs(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    private TestNode Node => fixture.Node;

    [Fact]
    public async Task Metrics_are_refused_without_the_admin_token()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await Node.Http.GetAsync("/metrics")).StatusCode);
        using var user = await BillingApiClient.SignUpAsync(Node, cardNumber: null);
        Assert.Equal(HttpStatusCode.Forbidden, (await user.Http.GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task The_admin_token_reads_prometheus_text_with_every_area_of_the_node()
    {
        using var admin = Node.ClientWithToken(TestNode.AdminToken);
        using var response = await admin.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType);
        // Counters appear once something was counted: a scheduler run is triggered here rather than hoping one ran
        // already, and the shard regions are asked in the background every few seconds (their series come after the
        // first round).
        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync("/scheduler/jobs/coupon-expiry/trigger", null)).StatusCode);
        string[] required =
        [
            "media_platform_sharding_shards", "media_platform_cluster_singletons", "media_platform_encode_queue_pending",
            "media_platform_persistence_recovery_duration_seconds_bucket", "media_platform_scheduler_runs_total",
            "http_server_request_duration_seconds_bucket",
        ];
        PrometheusText? metrics = null;
        await Eventually.AwaitAssertAsync(async () =>
        {
            metrics = await ScrapeAsync();
            var missing = required.Where(name => !metrics.Has(name)).ToList();
            Assert.True(missing.Count == 0, $"series not yet exported: {string.Join(", ", missing)}");
        }, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(250));
        Assert.Equal(1, metrics!.Sum("media_platform_cluster_members", "status=\"up\""));
        Assert.Equal(0, metrics.Sum("media_platform_cluster_unreachable_members"));
        Assert.Equal(1, metrics.Sum("media_platform_cluster_leader"));
        Assert.True(metrics.Has("process_cpu_time_seconds_total") || metrics.Has("process_cpu_time_seconds"), "process metrics");
        Assert.Contains("dotnet_gc_", metrics.Text);
    }

    [Fact]
    public async Task A_charged_and_a_declined_subscription_move_the_billing_and_journal_series()
    {
        var before = await ScrapeAsync();
        using var payer = await BillingApiClient.SignUpAsync(Node, BillingApiClient.ApprovingCard);
        await payer.SubscribedInvoiceAsync();
        using var decliner = await BillingApiClient.SignUpAsync(Node, BillingApiClient.DecliningCard);
        using var declined = await decliner.SubscribeAsync("standard", BillingApiClient.NewKey());

        var after = await ScrapeUntilAsync(scrape => Moved(before, scrape, "media_platform_billing_payments_total", "outcome=\"declined\""));
        Assert.True(Moved(before, after, "media_platform_billing_payments_total", "outcome=\"charged\""), "charged payments");
        Assert.True(after.Sum("media_platform_billing_orders_total", "kind=\"subscription\"") - before.Sum("media_platform_billing_orders_total", "kind=\"subscription\"") >= 2);
        Assert.True(Moved(before, after, "media_platform_persistence_events_total", "entity_type=\"billing-account\""), "billing events stored");
        Assert.True(Moved(before, after, "media_platform_persistence_write_duration_seconds_count", "entity_type=\"user\""), "user writes timed");
        Assert.True(Moved(before, after, "media_platform_sharding_entity_starts_total", "entity_type=\"billing-account\""), "entities started");
        // The API's own histogram is labelled by route template and status, never by the path a caller sent.
        Assert.True(Moved(before, after, "http_server_request_duration_seconds_count",
            "http_route=\"/api/users/{userId}/billing/subscription\"", "http_response_status_code=\"201\""), "request durations by route");
        Assert.DoesNotContain(payer.UserId, after.Text);
    }

    [Fact]
    public async Task Distinct_ids_in_requests_do_not_add_series()
    {
        using var user = await BillingApiClient.SignUpAsync(Node, cardNumber: null);
        async Task HitDistinctIdsAsync(int count)
        {
            for (var i = 0; i < count; i++)
            {
                (await user.Http.GetAsync($"/api/titles/{Guid.NewGuid():N}")).Dispose();
                (await user.Http.GetAsync($"/api/users/{Guid.NewGuid():N}/billing")).Dispose();
            }
        }

        await HitDistinctIdsAsync(3); // every route and status once, so the next ids find their series in place
        var before = await ScrapeAsync();
        await HitDistinctIdsAsync(50);
        var after = await ScrapeAsync();

        string[] driven = ["http_server_", "media_platform_persistence_", "media_platform_sharding_", "media_platform_billing_", "media_platform_cluster_"];
        // 100 new ids would add at least 100 label sets if any label carried one; a few may still appear from other
        // work finishing meanwhile (an entity type's first write or passivation, a scheduler run).
        var added = after.LabelSets(driven).Except(before.LabelSets(driven)).ToList();
        Assert.True(added.Count < 10, $"{added.Count} new label sets: {string.Join("; ", added.Take(10))}");
        Assert.DoesNotContain(after.Series("http_server_request_duration_seconds_count"), s => s.Contains("/api/titles/") && !s.Contains("{titleId}") && !s.Contains("http_route=\"/api/titles/\""));
        Assert.True(after.Sum("http_server_request_duration_seconds_count", "http_route=\"/api/titles/{titleId}\"")
            >= before.Sum("http_server_request_duration_seconds_count", "http_route=\"/api/titles/{titleId}\"") + 50, "the requests were counted");
        Assert.DoesNotContain(user.UserId, after.Text);
    }

    [Fact]
    public async Task Our_series_pass_promtools_metrics_lint()
    {
        using var user = await BillingApiClient.SignUpAsync(Node, BillingApiClient.ApprovingCard);
        await user.SubscribedInvoiceAsync();
        var scrape = await ScrapeAsync();
        Assert.True(scrape.Has("media_platform_billing_payments_total"));
        var lint = await Promtool.RunAsync(Path.GetTempPath(), scrape.Text, "check", "metrics");
        // The runtime and process instrumentations name a few gauges *_count (their OpenTelemetry names); they are
        // not ours to rename. Every series this code base names must be clean.
        var ours = lint.Output.Split('\n').Where(l => l.StartsWith("media_platform_", StringComparison.Ordinal) || l.StartsWith("http_server_", StringComparison.Ordinal));
        Assert.Empty(ours);
        Assert.DoesNotContain("error while linting", lint.Output);
    }

    private static bool Moved(PrometheusText before, PrometheusText after, string metric, params string[] labels) =>
        after.Sum(metric, labels) > before.Sum(metric, labels);

    private async Task<PrometheusText> ScrapeAsync()
    {
        using var admin = Node.ClientWithToken(TestNode.AdminToken);
        return PrometheusText.Parse(await admin.GetStringAsync("/metrics"));
    }

    private async Task<PrometheusText> ScrapeUntilAsync(Func<PrometheusText, bool> condition)
    {
        PrometheusText? last = null;
        await Eventually.AwaitAsync(async () => condition(last = await ScrapeAsync()), TimeSpan.FromSeconds(30), "a scrape showing the change");
        return last!;
    }
}
