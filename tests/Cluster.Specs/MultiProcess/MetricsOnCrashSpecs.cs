using System.Globalization;
using System.Net;
using System.Text.Json;
using MediaPlatform.Specs.Chaos;
using MediaPlatform.Specs.Support.Processes;
using MediaPlatform.Testing.Processes;
using Xunit.Abstractions;

namespace MediaPlatform.Specs.MultiProcess;

/// <summary>
/// What an operator's Prometheus sees when a node dies: the survivors' /metrics show the member unreachable, then
/// two members Up, the singletons the dead node hosted running on a survivor, recovered from the journal; and, while
/// clients whose answers died with the node retry their orders and payments on the survivors with the same
/// Idempotency-Keys, the dead node's shards moving in and the retries counted.
/// </summary>
[Collection(MultiProcessCollection.Name)]
public sealed class MetricsOnCrashSpecs(ITestOutputHelper output)
{
    private const string Region = "region=\"billing-account\"";
    private const string TitleOrders = "kind=\"title_purchase\"";
    private const int Buyers = 6;

    /// <summary>The built-in gateway never answers a card ending 0119 (see GatewayRules).</summary>
    private const string SilentCard = "4000000000000119";

    private static readonly HttpClient Http = new()
    {
        Timeout = TimeSpan.FromSeconds(5),
        DefaultRequestHeaders = { Authorization = new("Bearer", NodeProcessCluster.AdminToken) },
    };

    /// <summary>Any made-up title id is for sale (no media pipeline here), and a silent gateway is given up on after 2 s.</summary>
    private static readonly Lazy<string> NodeConfig = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "metrics-on-crash-node.hocon");
        File.WriteAllText(path, "media-platform.billing.require-published-title = off\nmedia-platform.billing.gateway.timeout = 2s\n");
        return path;
    });

    private sealed record Purchase(ChaosAccount Account, string TitleId, string InvoiceId, string OrderKey, string PayKey, string? ChargeId);

    [Fact]
    public async Task Survivors_metrics_show_the_unreachable_member_the_singletons_and_shards_moving_to_them_and_the_retried_orders()
    {
        await using var cluster = await NodeProcessCluster.StartAsync(3, new(output.WriteLine, ExtraArguments: ["--config", NodeConfig.Value]));
        await cluster.AwaitAllUpAsync(SpecTimeouts.Formation);

        // The oldest member hosts the singletons (scheduler, transcode coordinator): kill it so they must move.
        var oldest = (await cluster.Nodes[0].GetMembersAsync()).Oldest;
        NodeProcess? victim = null;
        foreach (var node in cluster.Nodes)
            if ((await node.GetMembersAsync()).SelfNode == oldest) victim = node;
        Assert.NotNull(victim);
        var survivors = cluster.Nodes.Where(n => n != victim).ToArray();

        // Clients order a title and pay it through the node about to die; one card's gateway never answers.
        var setup = System.Diagnostics.Stopwatch.StartNew();
        using var victimApi = new NodeApi(victim!);
        var purchases = await BuyThroughAsync(victimApi, await ChaosSignUp.AccountsAsync(cluster, Buyers));
        var (silentId, silentToken) = await victimApi.SignUpWithCardAsync("silent-card", SilentCard);
        var silent = await BuyThroughAsync(victimApi, new ChaosAccount(silentId, silentToken), "silent");
        Assert.Null(silent.ChargeId);

        // Every billing account lives in a shard somewhere; the survivors' metrics must know where before the kill.
        var victimShards = (await GetJsonAsync(victim!, "cluster/shards/billing-account")).GetProperty("shardCount").GetInt32();
        Assert.True(victimShards >= 1, "the node to be killed hosts none of the billing shards");
        var allShards = 0;
        await Eventually.AwaitAsync(async () =>
        {
            allShards = BillingShardsInCluster(await GetJsonAsync(survivors[0], "cluster/sharding"));
            foreach (var node in survivors)
                if (await SumAsync([node], "media_platform_sharding_cluster_shards", Region) != allShards) return false;
            return true;
        }, SpecTimeouts.StillServing, "the survivors' metrics read the coordinator's view of every billing shard");
        output.WriteLine($"{Buyers + 1} clients bought and paid through {victim!.Name} and the survivors' metrics located their shards in {setup.Elapsed.TotalSeconds:0.0} s");

        await Eventually.AwaitAsync(async () => await SumAsync(survivors, "media_platform_cluster_members", "status=\"up\"") == 6,
            SpecTimeouts.StillServing, "both survivors' metrics count 3 members Up");
        Assert.Equal(0, await SumAsync(survivors, "media_platform_cluster_singletons"));
        var coordinatorStartsBefore = await SumAsync(survivors, "media_platform_sharding_entity_starts_total", "entity_type=\"transcode-coordinator\"");
        var before = await RetryFiguresAsync(survivors);

        victim!.Kill();
        // Their answers died with the node (as far as they know): the clients retry on the survivors with the same keys.
        var survivorApis = survivors.Select(n => new NodeApi(n, TimeSpan.FromSeconds(12))).ToArray();
        var retries = Task.WhenAll(purchases.Append(silent).Select((p, i) => RetryAsync(survivorApis, i, p)));

        await Eventually.AwaitAsync(async () => await SumAsync(survivors, "media_platform_cluster_unreachable_members") >= 1,
            SpecTimeouts.Downing, "a survivor's metrics show the killed member unreachable");
        await Eventually.AwaitAsync(async () =>
                await SumAsync(survivors, "media_platform_cluster_members", "status=\"up\"") == 4
                && await SumAsync(survivors, "media_platform_cluster_unreachable_members") == 0
                && await SumAsync(survivors, "media_platform_cluster_singletons") == 3, // scheduler, transcode coordinator, projections
            SpecTimeouts.Downing + SpecTimeouts.StillServing, "2 members Up, none unreachable, the singletons on a survivor");
        await Eventually.AwaitAsync(async () =>
                await SumAsync(survivors, "media_platform_sharding_entity_starts_total", "entity_type=\"transcode-coordinator\"") > coordinatorStartsBefore
                && await SumAsync(survivors, "media_platform_persistence_recovery_duration_seconds_count", "entity_type=\"transcode-coordinator\"") >= 1,
            SpecTimeouts.StillServing, "the transcode coordinator started and recovered on a survivor");

        await retries;
        await RetrySilentPaymentAsync(survivorApis[0], silent);
        output.WriteLine($"survivors' /metrics before the kill: {before}");
        RetryFigures? after = null;
        try
        {
            await Eventually.AwaitAsync(async () =>
            {
                after = await RetryFiguresAsync(survivors);
                return after.BillingShards == allShards
                    && after.ShardsMovedIn - before.ShardsMovedIn >= victimShards
                    && after.OrdersRetried - before.OrdersRetried >= Buyers + 1
                    && after.PaymentsRetriedStored - before.PaymentsRetriedStored >= Buyers
                    && after.PaymentsRetriedGateway - before.PaymentsRetriedGateway >= 1;
            }, SpecTimeouts.StillServing, "the survivors host every billing shard, count the ones that moved in, and count the retried orders and payments");
        }
        finally
        {
            output.WriteLine($"survivors' /metrics after the retries: {after} ({victimShards} of {allShards} billing shards were on the killed node)");
        }
        foreach (var api in survivorApis) api.Dispose();
        cluster.MarkPassed();
    }

    /// <summary>The survivors' sums of the series this spec follows.</summary>
    private sealed record RetryFigures(double BillingShards, double ShardsMovedIn, double OrdersRetried, double PaymentsRetriedStored,
        double PaymentsRetriedGateway);

    private static async Task<RetryFigures> RetryFiguresAsync(NodeProcess[] nodes) => new(
        await SumAsync(nodes, "media_platform_sharding_shards", Region),
        await SumAsync(nodes, "media_platform_sharding_shards_moved_in_total", Region),
        await SumAsync(nodes, "media_platform_billing_orders_retried_total", TitleOrders),
        await SumAsync(nodes, "media_platform_billing_payments_retried_total", "answered_from=\"stored\""),
        await SumAsync(nodes, "media_platform_billing_payments_retried_total", "answered_from=\"gateway\""));

    private static async Task<Purchase[]> BuyThroughAsync(NodeApi node, IReadOnlyList<ChaosAccount> accounts) =>
        await Task.WhenAll(accounts.Select((a, i) => BuyThroughAsync(node, a, $"buyer-{i}")));

    /// <summary>Orders a title and pays its invoice; a silent gateway leaves the payment pending (503).</summary>
    private static async Task<Purchase> BuyThroughAsync(NodeApi node, ChaosAccount account, string name)
    {
        var (titleId, orderKey, payKey) = ($"title-{name}", $"order-{name}", $"pay-{name}");
        var order = (await node.SendAsync(HttpMethod.Post, account.Orders, account.Token, new { titleId }, orderKey))
            .Expect(HttpStatusCode.Created);
        var invoiceId = order.Json.GetProperty("invoice").GetProperty("invoiceId").GetString()!;
        var payment = await node.SendAsync(HttpMethod.Post, account.PaymentsOf(invoiceId), account.Token, null, payKey);
        var chargeId = payment.Status == HttpStatusCode.Created ? payment.Json.GetProperty("payment").GetProperty("chargeId").GetString() : null;
        if (chargeId is null) payment.Expect(HttpStatusCode.ServiceUnavailable);
        return new Purchase(account, titleId, invoiceId, orderKey, payKey, chargeId);
    }

    /// <summary>The order again, then (if it was charged) the payment: answered from what the keys hold.</summary>
    private static async Task RetryAsync(NodeApi[] survivors, int client, Purchase purchase)
    {
        var sender = new RetryingSender(survivors, client, TimeSpan.FromSeconds(90));
        var order = await sender.SendAsync(HttpMethod.Post, purchase.Account.Orders, purchase.Account.Token,
            new { titleId = purchase.TitleId }, purchase.OrderKey);
        Assert.True(order.Acked, $"order {purchase.OrderKey} retried: {order.Reply?.Status} {order.LastError}");
        Assert.Equal(purchase.InvoiceId, order.Reply!.Json.GetProperty("invoice").GetProperty("invoiceId").GetString());
        if (purchase.ChargeId is null) return;
        var payment = await sender.SendAsync(HttpMethod.Post, purchase.Account.PaymentsOf(purchase.InvoiceId), purchase.Account.Token, null, purchase.PayKey);
        Assert.True(payment.Acked, $"payment {purchase.PayKey} retried: {payment.Reply?.Status} {payment.LastError}");
        Assert.Equal(purchase.ChargeId, payment.Reply!.Json.GetProperty("payment").GetProperty("chargeId").GetString());
    }

    /// <summary>The pending payment again: the account asks the gateway once more, which stays silent.</summary>
    private static Task RetrySilentPaymentAsync(NodeApi survivor, Purchase silent) =>
        Eventually.AwaitAsync(async () =>
        {
            var reply = await survivor.SendAsync(HttpMethod.Post, silent.Account.PaymentsOf(silent.InvoiceId), silent.Account.Token, null, silent.PayKey);
            return reply.Status == HttpStatusCode.ServiceUnavailable && reply.Body.Contains("may or may not have gone through", StringComparison.Ordinal);
        }, SpecTimeouts.StillServing, "the silent gateway asked again for the pending payment");

    private static int BillingShardsInCluster(JsonElement sharding) =>
        sharding.GetProperty("regions").EnumerateArray()
            .Single(r => r.GetProperty("region").GetString() == "billing-account").GetProperty("shardCount").GetInt32();

    private static async Task<JsonElement> GetJsonAsync(NodeProcess node, string path) =>
        JsonDocument.Parse(await Http.GetStringAsync(new Uri(node.BaseAddress, path))).RootElement;

    /// <summary>The sum over the nodes of a metric's series that carry every given label="value".</summary>
    private static async Task<double> SumAsync(IEnumerable<NodeProcess> nodes, string metric, params string[] labels)
    {
        double sum = 0;
        foreach (var node in nodes)
        {
            var text = await Http.GetStringAsync(new Uri(node.BaseAddress, "metrics"));
            foreach (var line in text.Split('\n'))
            {
                if (line.StartsWith('#') || !(line.StartsWith(metric + "{", StringComparison.Ordinal) || line.StartsWith(metric + " ", StringComparison.Ordinal))) continue;
                if (!labels.All(l => line.Contains(l, StringComparison.Ordinal))) continue;
                sum += double.Parse(line[(line.LastIndexOf(' ') + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture);
            }
        }
        return sum;
    }
}
