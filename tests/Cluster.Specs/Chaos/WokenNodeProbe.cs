using System.Net;
using MediaPlatform.Specs.Support.Processes;

namespace MediaPlatform.Specs.Chaos;

/// <summary>
/// Talks to a node that was downed while frozen, from SIGCONT until it exits, as a client that still has it in its
/// list would: reads an account's invoices and places orders with fresh keys. A zombie would answer reads from its
/// stale copy of the account, or acknowledge writes the cluster never sees.
/// </summary>
public sealed class WokenNodeProbe(NodeProcess woken, ChaosAccount account, string staleInvoicesBody)
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(3);

    public int Requests { get; private set; }
    public int StaleReads { get; private set; }
    public int ReadsAnswered { get; private set; }
    public List<(string Key, string Title)> AckedWrites { get; } = [];

    /// <summary>Probes until the node's process has exited.</summary>
    public async Task RunAsync()
    {
        using var api = new NodeApi(woken, RequestTimeout);
        for (var i = 0; woken.IsRunning; i++)
        {
            var read = await TryAsync(() => api.SendAsync(HttpMethod.Get, account.Invoices, account.Token));
            if (read?.Status == HttpStatusCode.OK)
            {
                ReadsAnswered++;
                if (read.Body == staleInvoicesBody) StaleReads++;
            }
            var (key, title) = ($"woken-{i}", $"woken-{i}");
            var write = await TryAsync(() => api.SendAsync(HttpMethod.Post, account.Orders, account.Token, new { titleId = title }, key));
            if (write?.Status == HttpStatusCode.Created) AckedWrites.Add((key, title));
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }

    private async Task<NodeApi.Reply?> TryAsync(Func<Task<NodeApi.Reply>> send)
    {
        Requests++;
        try { return await send(); }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { return null; }
    }

    public override string ToString() =>
        $"{Requests} requests to the woken node before it exited: {ReadsAnswered} reads answered ({StaleReads} from its stale copy), " +
        $"{AckedWrites.Count} writes acknowledged";
}
