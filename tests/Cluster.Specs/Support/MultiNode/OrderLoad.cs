using System.Collections.Concurrent;
using System.Diagnostics;

namespace MediaPlatform.Specs.Support.MultiNode;

/// <summary>
/// A bounded stream of title orders over a set of billing accounts: order i goes to account i mod n, buys title
/// "{prefix}-{i}" under the idempotency key "{prefix}-key-{i}", and is retried with that key until acknowledged (see
/// <see cref="BillingAccountsClient"/>). Afterwards <see cref="TallyAsync"/> reads every account back and says which
/// acknowledged orders are missing and which are stored twice.
/// </summary>
public sealed class OrderLoad
{
    public sealed record Order(int Index, string AccountId, string TitleId, TimeSpan SentAt, TimeSpan AnsweredAt, BillingAccountsClient.Outcome Outcome)
    {
        public bool Acked => Outcome.Placed is not null;
    }

    /// <summary>What the accounts hold compared with what the clients were told.</summary>
    public sealed record Tally(int Sent, int Acked, int Retried, IReadOnlyList<string> Failed, IReadOnlyList<string> Lost,
        IReadOnlyList<string> Duplicated, IReadOnlyList<string> Unrequested)
    {
        public override string ToString() =>
            $"{Sent} sent, {Acked} acknowledged, {Failed.Count} failed, {Retried} needed a retry, {Lost.Count} lost, " +
            $"{Duplicated.Count} duplicated, {Unrequested.Count} stored but never acknowledged";
    }

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(45);
    private readonly ConcurrentQueue<Order> _orders = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Stopwatch _clock;
    private readonly string _prefix;
    private readonly IReadOnlyList<string> _accounts;
    private int _next = -1;

    private OrderLoad(string prefix, IReadOnlyList<string> accounts, Stopwatch clock) => (_prefix, _accounts, _clock) = (prefix, accounts, clock);

    /// <summary>Finishes when every order was sent (and acknowledged or given up), or soon after <see cref="StopAsync"/>.</summary>
    public Task Completion { get; private set; } = Task.CompletedTask;

    public IReadOnlyList<Order> Orders => _orders.ToList();

    /// <param name="clients">Orders are spread over these (e.g. the regions of several nodes).</param>
    /// <param name="perAccount">Orders per account at most (an account refuses a 21st unpaid invoice).</param>
    /// <param name="pause">Each client waits this long between orders, to pace the load.</param>
    public static OrderLoad Start(string prefix, IReadOnlyList<BillingAccountsClient> clients, IReadOnlyList<string> accounts,
        int concurrency, int perAccount, TimeSpan pause = default)
    {
        var load = new OrderLoad(prefix, accounts, Stopwatch.StartNew());
        load.Completion = Task.WhenAll(Enumerable.Range(0, concurrency).Select(c => Task.Run(() => load.RunAsync(clients[c % clients.Count], perAccount, pause))));
        return load;
    }

    /// <summary>Time since the load started, the clock of <see cref="Order.SentAt"/> and <see cref="Order.AnsweredAt"/>.</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Completion;
    }

    private async Task RunAsync(BillingAccountsClient client, int perAccount, TimeSpan pause)
    {
        while (!_stop.IsCancellationRequested && Interlocked.Increment(ref _next) is var i && i < _accounts.Count * perAccount)
        {
            var (account, title, at) = (_accounts[i % _accounts.Count], $"{_prefix}-{i:D5}", _clock.Elapsed);
            var outcome = await client.PurchaseAsync(account, title, $"{_prefix}-key-{i:D5}", Deadline);
            _orders.Enqueue(new Order(i, account, title, at, _clock.Elapsed, outcome));
            if (pause > TimeSpan.Zero) await Task.Delay(pause);
        }
    }

    /// <summary>Reads every account through <paramref name="reader"/> and accounts for each order of this load.</summary>
    public async Task<Tally> TallyAsync(BillingAccountsClient reader)
    {
        var stored = new Dictionary<string, int>();
        foreach (var id in _accounts.Distinct())
            foreach (var invoice in (await reader.InvoicesAsync(id, Deadline)).Invoices.Where(i => i.Reference.StartsWith(_prefix + "-", StringComparison.Ordinal)))
                stored[invoice.Reference] = stored.GetValueOrDefault(invoice.Reference) + 1;
        var orders = Orders;
        var acked = orders.Where(o => o.Acked).ToList();
        return new Tally(
            Sent: orders.Count,
            Acked: acked.Count,
            Retried: orders.Count(o => o.Outcome.Attempts > 1),
            Failed: orders.Where(o => !o.Acked).Select(o => $"{o.TitleId}: {o.Outcome.Failure}").ToList(),
            Lost: acked.Where(o => !stored.ContainsKey(o.TitleId)).Select(o => o.TitleId).ToList(),
            Duplicated: stored.Where(s => s.Value > 1).Select(s => s.Key).ToList(),
            Unrequested: stored.Keys.Except(acked.Select(o => o.TitleId)).ToList());
    }
}
