using System.Diagnostics;
using Akka.Actor;
using Akka.Configuration;
using MediaPlatform.Actors.Billing;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Scheduling;
using MediaPlatform.Node.Hosting;
using MediaPlatform.Specs.MultiNode;
using MediaPlatform.Specs.Support.MultiNode;
using MediaPlatform.Testing.Nodes;
using Xunit.Abstractions;

namespace MediaPlatform.Specs.Scheduling;

/// <summary>
/// Three full nodes in this process (shared SQLite journal, shared manual clock). The clock jumps a month ahead, the
/// scheduler singleton starts the billing run over a few hundred accounts, and the node hosting it crashes mid-run:
/// the singleton moves, resumes the run from its checkpoint, and every account ends with exactly one invoice for the
/// period and at most one charge per invoice.
/// </summary>
[Collection(MultiNodeCollection.Name)]
public sealed class BillingRunFailoverSpecs(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Accounts = 240;
    private static readonly DateTimeOffset Start = new(2026, 1, 10, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(15);

    // Paced so the run is still going when the node dies; checkpoints every 10 accounts.
    private const string SchedulerOverrides = """
        media-platform.scheduler {
          tick-interval = 200ms
          checkpoint-every = 10
          checkpoint-interval = 500ms
          runner-restart-delay = 1s
          jobs.billing-cycle.items-per-second = 30
        }
        akka.coordinated-shutdown.run-by-actor-system-terminate = off
        # Joined through plain akka.tcp seed addresses, so no throttling adapter here.
        akka.remote.dot-netty.tcp.applied-adapters = []
        """;

    private readonly ManualClock _clock = new(Start);
    private readonly Stopwatch _elapsed = Stopwatch.StartNew();
    private NodeActorCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        var hocon = ConfigurationFactory.ParseString(SchedulerOverrides).WithFallback(MultiNodeConfig.Create());
        _cluster = await NodeActorCluster.StartAsync("scheduler-failover", 3, hocon, _clock);
        Note("3 nodes Up");
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Crashing_the_singletons_node_mid_run_must_still_invoice_every_account_once_and_charge_each_invoice_at_most_once()
    {
        var (oldest, survivor) = (_cluster[0], _cluster[1]);
        var billing = survivor.Registered<EntityRegions.BillingAccounts>();
        await AwaitRunFinishedAsync(survivor, "billing-cycle@2026-01-10"); // the first start's run: nothing due yet
        var ids = Enumerable.Range(0, Accounts).Select(i => $"acct-{i:D4}").ToArray();
        await Task.WhenAll(ids.Select(id => SubscribeAsync(billing, id)));
        Note($"{Accounts} accounts subscribed and paid for January");

        _clock.Set(Start.AddMonths(1).AddDays(1)); // 11 February: every period has ended
        const string runKey = "billing-cycle@2026-02-11";
        var before = await Eventually.AwaitAssertAsync(async () =>
        {
            var running = (await JobAsync(survivor)).Running;
            Assert.True(running is { RunKey: runKey, Processed: >= 40 }, $"waiting for the run to be under way: {running}");
        }, Deadline);
        Note($"run under way after {before.TotalSeconds:0.0} s; crashing {oldest.Address}");

        await oldest.CrashAsync();
        var crashedAt = Stopwatch.StartNew();
        var last = await AwaitRunFinishedAsync(survivor, runKey);
        Note($"run finished {crashedAt.Elapsed.TotalSeconds:0.0} s after the crash: {last.Processed}/{last.Total} processed, " +
             $"counters {string.Join(", ", last.Counters.Select(c => $"{c.Key}={c.Value}"))}, resumptions {last.Resumptions}");

        Assert.True(last.Resumptions >= 1, "the run must have been resumed by the new incarnation");
        Assert.Equal(0, last.Failed);
        foreach (var id in ids) await AssertBilledOnceAsync(billing, id);
    }

    private static async Task SubscribeAsync(IActorRef billing, string id)
    {
        Assert.IsType<BillingAccountView>(await billing.Ask<object>(new OpenBillingAccount(id, id, "USD"), AskTimeout));
        // Subscribing charges the first month at once (a subscription is active only once paid); declining cards come after.
        Assert.IsType<BillingAccountView>(await billing.Ask<object>(new SetBillingCard(id, new BillingCard("card", "tok_ok", "Visa", "4242", 12, 2030)), AskTimeout));
        var order = Assert.IsType<OrderPlaced>(await billing.Ask<object>(new SubscribeToPlan(id, "basic", "sub-1"), AskTimeout));
        Assert.Equal(SubscriptionStatus.Active, order.Account.Status);
        if (id.EndsWith('7'))
            Assert.IsType<BillingAccountView>(await billing.Ask<object>(new SetBillingCard(id, new BillingCard("card-2", "tok_decline", "Visa", "0002", 12, 2030)), AskTimeout));
    }

    /// <summary>Exactly one renewal invoice (February's); at most one successful payment on it; declining cards declined once.</summary>
    private static async Task AssertBilledOnceAsync(IActorRef billing, string id)
    {
        var invoices = Assert.IsType<InvoiceList>(await billing.Ask<object>(new ListInvoices(id), AskTimeout)).Invoices;
        var renewal = Assert.Single(invoices, i => i.Kind == OrderKind.Renewal);
        Assert.Contains("2026-02-10 to 2026-03-10", renewal.Lines[0].Description);
        var payments = Assert.IsType<PaymentHistory>(await billing.Ask<object>(new GetPaymentHistory(id), AskTimeout)).Payments
            .Where(p => p.InvoiceId == renewal.InvoiceId).ToList();
        if (id.EndsWith('7'))
        {
            var declined = Assert.Single(payments);
            Assert.Equal((PaymentStatus.Declined, "auto-INV-000002-1"), (declined.Status, declined.Key));
            Assert.Equal(InvoiceStatus.Open, renewal.Status);
        }
        else
        {
            var charged = Assert.Single(payments);
            Assert.Equal((PaymentStatus.Succeeded, "auto-INV-000002-1"), (charged.Status, charged.Key));
            Assert.Equal((InvoiceStatus.Paid, renewal.TotalMinor), (renewal.Status, renewal.AmountPaidMinor));
        }
    }

    private async Task<JobRunView> AwaitRunFinishedAsync(NodeActorHost node, string runKey)
    {
        JobRunView? finished = null;
        await Eventually.AwaitAssertAsync(async () =>
        {
            finished = (await JobAsync(node)).History.FirstOrDefault(r => r.RunKey == runKey);
            Assert.True(finished is not null, $"waiting for {runKey} to finish");
        }, Deadline);
        return finished!;
    }

    private static async Task<ScheduledJobView> JobAsync(NodeActorHost node) =>
        Assert.IsType<ScheduledJobView>(await node.Registered<EntityRegions.SchedulerProxy>().Ask<object>(new GetScheduledJob("billing-cycle"), AskTimeout));

    private void Note(string message) => output.WriteLine($"[{_elapsed.Elapsed.TotalSeconds,6:0.0} s] {message}");
}
