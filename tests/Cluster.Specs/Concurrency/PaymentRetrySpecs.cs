using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using MediaPlatform.Specs.MultiProcess;
using MediaPlatform.Specs.Support.Processes;
using MediaPlatform.Testing.Api;
using Xunit.Abstractions;

namespace MediaPlatform.Specs.Concurrency;

/// <summary>
/// A payment whose node is SIGKILLed, retried with the same Idempotency-Key on another node of a real 3-process
/// cluster: exactly one charge. Where the account and gateway-ledger entities live is unknown, so a few payers pay at
/// once: the killed node usually hosts some of them (the retry then waits for downing and the shard to move).
/// </summary>
[Collection(MultiProcessCollection.Name)]
public sealed class PaymentRetrySpecs(ITestOutputHelper output)
{
    private const int Payers = 3;

    /// <summary>Downing takes ~10-15 s (SBR stable-after 7 s), then the shard moves; a busy 2-core machine adds more.</summary>
    private static readonly TimeSpan RecoveryDeadline = TimeSpan.FromSeconds(90);

    public enum KillMoment { RequestSent, AttemptRecorded }

    private sealed record Payer(string UserId, string Token, string InvoiceId, long TotalMinor, string Key)
    {
        public string Billing => $"/api/users/{UserId}/billing";
        public string PayPath => $"{Billing}/invoices/{InvoiceId}/payments";
    }

    [Theory]
    [InlineData(KillMoment.RequestSent)]
    [InlineData(KillMoment.AttemptRecorded)]
    public async Task A_payment_whose_node_is_killed_mid_request_must_charge_exactly_once_when_retried_on_another_node(KillMoment moment)
    {
        await using var cluster = await NodeProcessCluster.StartAsync(3, new(output.WriteLine));
        await cluster.AwaitAllUpAsync(SpecTimeouts.Formation);
        var (a, b, c) = (cluster.Nodes[0], cluster.Nodes[1], cluster.Nodes[2]);
        using var nodeB = new NodeApi(b);
        using var nodeC = new NodeApi(c);
        var payers = await Task.WhenAll(Enumerable.Range(0, Payers).Select(i => PayerAsync(i % 2 == 0 ? nodeB : nodeC, i)));

        // Each request is written to A's socket in full; its answer is never read.
        var sent = Stopwatch.StartNew();
        var sockets = new List<TcpClient>();
        foreach (var payer in payers) sockets.Add(await SendRawAsync(a, payer));
        if (moment == KillMoment.AttemptRecorded)
            await Eventually.AwaitAsync(async () => (await JournalTextAsync(cluster)).Contains(payers[0].Key), TimeSpan.FromSeconds(30),
                "the first payment attempt in the journal", TimeSpan.FromMilliseconds(2));
        a.Kill();
        var (killedAt, sinceKill) = (DateTimeOffset.UtcNow, Stopwatch.StartNew());
        output.WriteLine($"{moment}: SIGKILL {a.Name} {sent.Elapsed.TotalMilliseconds:0} ms after the first request was written");
        foreach (var socket in sockets) socket.Dispose();

        var retried = await Task.WhenAll(payers.Select(p => PayUntilDecidedAsync(nodeB, p, sinceKill)));
        foreach (var (payer, (answer, attempts, after)) in payers.Zip(retried))
        {
            Assert.True(answer.Status == HttpStatusCode.Created, $"{payer.UserId}: {(int)answer.Status} {answer.Body}");
            var payment = await AssertChargedOnceAsync(payer, answer.Json.GetProperty("payment").GetProperty("chargeId").GetString()!, nodeB, nodeC);
            var recordedBeforeKill = payment.GetProperty("startedAt").GetDateTimeOffset() < killedAt;
            output.WriteLine($"{payer.UserId}: 201 on {b.Name} after {attempts} attempt(s), {after.TotalSeconds:0.0} s after the kill; " +
                             $"first attempt recorded before the kill: {(recordedBeforeKill ? "yes" : "no")}");
        }
        cluster.MarkPassed();
    }

    [Fact]
    public async Task A_paid_payment_retried_on_another_node_after_its_node_is_killed_must_return_the_identical_receipt()
    {
        await using var cluster = await NodeProcessCluster.StartAsync(3, new(output.WriteLine));
        await cluster.AwaitAllUpAsync(SpecTimeouts.Formation);
        var (a, b, c) = (cluster.Nodes[0], cluster.Nodes[1], cluster.Nodes[2]);
        using var nodeA = new NodeApi(a);
        using var nodeB = new NodeApi(b);
        using var nodeC = new NodeApi(c);
        var payers = await Task.WhenAll(Enumerable.Range(0, Payers).Select(i => PayerAsync(i % 2 == 0 ? nodeB : nodeC, i)));
        var receipts = await Task.WhenAll(payers.Select(p => RetryWhileUnavailableAsync(() => nodeA.SendAsync(HttpMethod.Post, p.PayPath, p.Token, key: p.Key))));
        Assert.All(receipts, r => Assert.True(r.Status == HttpStatusCode.Created, r.Body));

        a.Kill();
        var sinceKill = Stopwatch.StartNew();
        var retried = await Task.WhenAll(payers.Select(p => PayUntilDecidedAsync(nodeB, p, sinceKill)));
        foreach (var (payer, receipt, (answer, attempts, after)) in payers.Zip(receipts, retried))
        {
            output.WriteLine($"{payer.UserId}: {(int)answer.Status} on {b.Name} after {attempts} attempt(s), {after.TotalSeconds:0.0} s after the kill");
            Assert.Equal(HttpStatusCode.Created, answer.Status);
            Assert.Equal(receipt.Body, answer.Body);
            await AssertChargedOnceAsync(payer, receipt.Json.GetProperty("payment").GetProperty("chargeId").GetString()!, nodeB, nodeC);
        }
        cluster.MarkPassed();
    }

    /// <summary>Exactly one succeeded payment for the invoice, the invoice paid in full, and C answers the same charge.</summary>
    private static async Task<JsonElement> AssertChargedOnceAsync(Payer payer, string chargeId, NodeApi nodeB, NodeApi nodeC)
    {
        var history = (await nodeB.SendAsync(HttpMethod.Get, $"{payer.Billing}/payments", payer.Token)).Json;
        var payment = Assert.Single(history.GetProperty("payments").EnumerateArray(), p => p.GetProperty("invoiceId").GetString() == payer.InvoiceId);
        Assert.Equal(("Succeeded", chargeId, payer.TotalMinor), (payment.GetProperty("status").GetString(), payment.GetProperty("chargeId").GetString(),
            payment.GetProperty("amountMinor").GetInt64()));
        Assert.Equal(payer.TotalMinor, history.GetProperty("totalPaidMinor").GetInt64());

        var invoice = (await nodeB.SendAsync(HttpMethod.Get, $"{payer.Billing}/invoices/{payer.InvoiceId}", payer.Token)).Json;
        Assert.Equal(("Paid", payer.TotalMinor, payer.TotalMinor), (invoice.GetProperty("status").GetString(),
            invoice.GetProperty("amountPaidMinor").GetInt64(), invoice.GetProperty("totalMinor").GetInt64()));

        var again = await RetryWhileUnavailableAsync(() => nodeC.SendAsync(HttpMethod.Post, payer.PayPath, payer.Token, key: payer.Key));
        Assert.True(again.Status == HttpStatusCode.Created, again.Body);
        Assert.Equal(chargeId, again.Json.GetProperty("payment").GetProperty("chargeId").GetString());
        return payment;
    }

    /// <summary>Retries the payment with its key until the answer is not 503 (or no answer at all), within the deadline.</summary>
    private static async Task<(NodeApi.Reply Answer, int Attempts, TimeSpan After)> PayUntilDecidedAsync(NodeApi node, Payer payer, Stopwatch sinceKill)
    {
        var attempts = 0;
        var answer = await RetryWhileUnavailableAsync(() =>
        {
            attempts++;
            return node.SendAsync(HttpMethod.Post, payer.PayPath, payer.Token, key: payer.Key);
        });
        return (answer, attempts, sinceKill.Elapsed);
    }

    private static async Task<NodeApi.Reply> RetryWhileUnavailableAsync(Func<Task<NodeApi.Reply>> send)
    {
        var deadline = DateTime.UtcNow + RecoveryDeadline;
        while (true)
        {
            NodeApi.Reply answer;
            try
            {
                answer = await send();
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && DateTime.UtcNow < deadline)
            {
                continue; // no answer at all: as undecided as a 503
            }
            if (answer.Status != HttpStatusCode.ServiceUnavailable || DateTime.UtcNow > deadline) return answer;
        }
    }

    /// <summary>A user with an approving card and a subscription invoice to pay (standard plan, 1549).</summary>
    private static async Task<Payer> PayerAsync(NodeApi node, int i)
    {
        var user = await node.Api.NewUserAsync($"payer-{i}", $"Payer {i}");
        var (userId, token) = (user.UserId, user.Token);
        // Subscribed before the card is added, so the first invoice waits to be paid (with a card it is charged at once).
        var order = await node.SendAsync(HttpMethod.Post, $"/api/users/{userId}/billing/subscription", token, new { planId = "standard" }, Guid.NewGuid().ToString());
        Assert.True(order.Status == HttpStatusCode.Created, order.Body);
        var card = await node.SendAsync(HttpMethod.Post, $"/api/users/{userId}/cards", token,
            new { number = "4242424242424242", expiryMonth = 12, expiryYear = DateTime.UtcNow.Year + 3, makeDefault = true });
        Assert.True(card.Status == HttpStatusCode.Created, card.Body);
        var invoice = order.Json.GetProperty("invoice");
        Assert.Equal(1549, invoice.GetProperty("totalMinor").GetInt64());
        return new Payer(userId, token, invoice.GetProperty("invoiceId").GetString()!, 1549, $"pay-{Guid.NewGuid():N}");
    }

    /// <summary>Writes the whole payment request to the node's socket and returns at once (HttpClient cannot say when it has sent).</summary>
    private static async Task<TcpClient> SendRawAsync(NodeProcess node, Payer payer)
    {
        var socket = new TcpClient();
        await socket.ConnectAsync(IPAddress.Loopback, node.HttpPort);
        var request = $"POST {payer.PayPath} HTTP/1.1\r\nHost: {node.ContactPoint}\r\nAuthorization: Bearer {payer.Token}\r\n" +
                      $"Idempotency-Key: {payer.Key}\r\nContent-Length: 0\r\n\r\n";
        await socket.GetStream().WriteAsync(Encoding.ASCII.GetBytes(request));
        await socket.GetStream().FlushAsync();
        return socket;
    }

    /// <summary>The shared SQLite journal as text (events are JSON), to see when an attempt has been recorded.</summary>
    private static async Task<string> JournalTextAsync(NodeProcessCluster cluster)
    {
        var text = new StringBuilder();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(cluster.SqliteFile)!, Path.GetFileName(cluster.SqliteFile) + "*"))
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream, Encoding.Latin1);
            text.Append(await reader.ReadToEndAsync());
        }
        return text.ToString();
    }


}
