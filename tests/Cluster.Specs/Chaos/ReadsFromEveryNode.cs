using System.Diagnostics;
using System.Net;
using MediaPlatform.Specs.Support.Processes;

namespace MediaPlatform.Specs.Chaos;

/// <summary>
/// Reads every account's invoices and payments from every node. Retries while some node does not answer 200 or the
/// nodes disagree (a payment the client gave up on may still settle); what still differs at the deadline is
/// reported. One entity owns each account, so any lasting difference means two live copies of it.
/// </summary>
public static class ReadsFromEveryNode
{
    public sealed record Outcome(IReadOnlyList<AccountSnapshot> Snapshots, int ReadsCompared, IReadOnlyList<string> Disagreements, TimeSpan Took);

    public static async Task<Outcome> ReadAsync(IReadOnlyList<NodeApi> nodes, IReadOnlyList<ChaosAccount> accounts, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var round = await Task.WhenAll(accounts.Select(a => ReadAccountAsync(nodes, a)));
            var disagreements = round.Where(r => r.Problem is not null).Select(r => r.Problem!).ToArray();
            if (disagreements.Length == 0 || clock.Elapsed >= timeout)
            {
                var snapshots = round.Where(r => r.Snapshot is not null).Select(r => r.Snapshot!).ToArray();
                return new Outcome(snapshots, accounts.Count * nodes.Count * 2, disagreements, clock.Elapsed);
            }
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    private sealed record AccountRead(AccountSnapshot? Snapshot, string? Problem);

    private static async Task<AccountRead> ReadAccountAsync(IReadOnlyList<NodeApi> nodes, ChaosAccount account)
    {
        var invoices = await Task.WhenAll(nodes.Select(n => GetAsync(n, account.Invoices, account.Token)));
        var payments = await Task.WhenAll(nodes.Select(n => GetAsync(n, account.Payments, account.Token)));
        var failed = invoices.Concat(payments).FirstOrDefault(r => r.Status != HttpStatusCode.OK);
        if (failed is not null) return new AccountRead(null, $"{account.UserId}: a read answered {(int)failed.Status} {failed.Body}");
        if (invoices.Select(r => r.Body).Distinct().Count() > 1 || payments.Select(r => r.Body).Distinct().Count() > 1)
            return new AccountRead(null, $"{account.UserId}: nodes answer differently: " +
                string.Join(" | ", nodes.Select((n, i) => $"{n.Node.Name}: {invoices[i].Body.Length} B invoices, {payments[i].Body.Length} B payments")));
        return new AccountRead(AccountSnapshot.Parse(account, invoices[0].Body, payments[0].Body), null);
    }

    private static async Task<NodeApi.Reply> GetAsync(NodeApi node, string path, string token)
    {
        try { return await node.SendAsync(HttpMethod.Get, path, token); }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return new NodeApi.Reply(HttpStatusCode.ServiceUnavailable, $"{node.Node.Name}: {e.Message}");
        }
    }
}
