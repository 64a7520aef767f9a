using System.Diagnostics;
using MediaPlatform.Specs.Support.Processes;

namespace MediaPlatform.Specs.Chaos;

/// <summary>
/// One client of the bounded load: one command at a time, a pause between commands. Each round buys a new title
/// for one of its accounts (an order: one invoice) and pays that invoice (a payment through the gateway), each
/// with its own Idempotency-Key. Stopping lets the command in flight finish, so its outcome is known.
/// </summary>
public sealed class LoadClient(int number, IReadOnlyList<ChaosAccount> accounts, IReadOnlyList<NodeApi> nodes, string runId,
    TimeSpan pause, Stopwatch runClock, CommandLog log)
{
    /// <summary>Long enough to ride out a node's downing (~15 s) and its shards starting elsewhere.</summary>
    public static readonly TimeSpan CommandDeadline = TimeSpan.FromSeconds(60);

    public async Task RunAsync(CancellationToken stop)
    {
        var sender = new RetryingSender(nodes, number, CommandDeadline);
        for (var round = 1; !stop.IsCancellationRequested; round++)
        {
            var account = accounts[round % accounts.Count];
            var title = $"title-{runId}-{number}-{round}";
            var order = await SendAsync(sender, CommandKind.TitleOrder, account, title, null,
                HttpMethod.Post, account.Orders, new { titleId = title }, $"order-{runId}-{number}-{round}");
            if (order is { Outcome: CommandOutcome.Acked, InvoiceId: { } invoiceId })
                await SendAsync(sender, CommandKind.InvoicePayment, account, title, invoiceId,
                    HttpMethod.Post, account.PaymentsOf(invoiceId), null, $"pay-{runId}-{number}-{round}");
            try { await Task.Delay(pause, stop); }
            catch (TaskCanceledException) { break; }
        }
    }

    private async Task<CommandRecord> SendAsync(RetryingSender sender, CommandKind kind, ChaosAccount account, string title,
        string? invoiceId, HttpMethod method, string path, object? body, string key)
    {
        var result = await sender.SendAsync(method, path, account.Token, body, key);
        var outcome = result.Acked ? CommandOutcome.Acked : result.Reply is null ? CommandOutcome.GaveUp : CommandOutcome.Refused;
        string? chargeId = null;
        if (outcome == CommandOutcome.Acked)
        {
            var json = result.Reply!.Json;
            if (kind == CommandKind.TitleOrder) invoiceId = json.GetProperty("invoice").GetProperty("invoiceId").GetString();
            else chargeId = json.GetProperty("payment").GetProperty("chargeId").GetString();
        }
        var error = outcome switch
        {
            CommandOutcome.Refused => $"{(int)result.Reply!.Status}: {result.Reply.Body}",
            CommandOutcome.GaveUp => $"no success within {CommandDeadline.TotalSeconds:0} s; last: {result.LastError}",
            _ => null,
        };
        var record = new CommandRecord(kind, key, account, title, invoiceId, outcome, result.Attempts, result.ServerErrors, error,
            runClock.Elapsed, chargeId);
        log.Add(record);
        return record;
    }
}
