using System.Net.Http.Json;
using Akka.Actor;
using MediaPlatform.Actors.Billing;
using MediaPlatform.Actors.Users;
using MediaPlatform.Node.Hosting;
using MediaPlatform.Testing.Nodes;

namespace MediaPlatform.Bench.Api;

/// <summary>One operation measured two ways: over HTTP (any node) and asked of the shard region in-process.</summary>
public sealed record Operation(string Name, Func<int, int, Task<bool>> OverHttp, Func<int, int, Task<bool>> InProcess);

public static class Operations
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(30);

    public static IEnumerable<Operation> All(InProcessNodeCluster cluster, UserPool pool)
    {
        var members = pool.Members;
        var nodes = cluster.BaseAddresses.Count;
        UserPool.Member Pick(int i) => members[i % members.Count];
        HttpClient Http(int client, int i) => Pick(i).ClientPerNode[(client + i) % nodes];

        yield return new Operation("profile read",
            async (client, i) => (await Http(client, i).GetAsync($"/api/users/{Pick(i).UserId}")).IsSuccessStatusCode,
            InProcessProfileRead(cluster, pool));

        // A new display name every time (a counter across runs), so every request persists an event.
        var names = 0L;
        yield return new Operation("profile update (persisted)",
            async (client, i) => (await Http(client, i).PatchAsJsonAsync($"/api/users/{Pick(i).UserId}",
                new { displayName = $"http {Interlocked.Increment(ref names)}" })).IsSuccessStatusCode,
            async (_, i) => await cluster.Registered<EntityRegions.Users>().Ask<object>(
                new UpdateUserProfile(Pick(i).UserId, $"direct {Interlocked.Increment(ref names)}"), AskTimeout) is UserProfile);

        // A payment needs an open invoice: each request orders a new title and pays its invoice (two persisted
        // account commands plus one gateway-ledger charge), each with its own idempotency key — unique across runs,
        // or a later run would measure idempotent replays instead of new payments.
        var run = Guid.NewGuid().ToString("N")[..6];
        var orders = 0L;
        yield return new Operation("title order + payment",
            async (client, i) =>
            {
                var http = Http(client, i);
                var user = Pick(i).UserId;
                var n = Interlocked.Increment(ref orders);
                var order = await http.PostAsync($"/api/users/{user}/billing/orders", JsonContent.Create(new { titleId = $"t-h{run}-{n}" }), $"o-h{run}-{n}");
                if (!order.IsSuccessStatusCode) return false;
                var invoiceId = (await order.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("invoice").GetProperty("invoiceId").GetString();
                return (await http.PostAsync($"/api/users/{user}/billing/invoices/{invoiceId}/payments", null, $"p-h{run}-{n}")).IsSuccessStatusCode;
            },
            async (_, i) =>
            {
                var user = Pick(i).UserId;
                var n = Interlocked.Increment(ref orders);
                if (await cluster.Registered<EntityRegions.BillingAccounts>().Ask<object>(new PurchaseTitle(user, $"t-d{run}-{n}", 399, "USD", $"o-d{run}-{n}"), AskTimeout) is not OrderPlaced order)
                    return false;
                return await cluster.Registered<EntityRegions.BillingAccounts>().Ask<object>(new PayInvoice(user, order.Invoice.InvoiceId, $"p-d{run}-{n}"), AskTimeout) is PaymentReceipt;
            });
    }

    /// <summary>
    /// The baseline of reads: a profile asked of node 1's shard region (the entity on any of the 3 nodes), or of the node
    /// <paramref name="askedNode"/> picks for the pool member.
    /// </summary>
    public static Func<int, int, Task<bool>> InProcessProfileRead(InProcessNodeCluster cluster, UserPool pool, Func<int, int>? askedNode = null) =>
        async (_, i) =>
        {
            var member = i % pool.Members.Count;
            return await cluster.Registered<EntityRegions.Users>(askedNode?.Invoke(member) ?? 0).Ask<object>(
                new GetUserProfile(pool.Members[member].UserId), AskTimeout) is UserProfile;
        };

    private static Task<HttpResponseMessage> PostAsync(this HttpClient http, string path, HttpContent? body, string idempotencyKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return http.SendAsync(request);
    }
}
