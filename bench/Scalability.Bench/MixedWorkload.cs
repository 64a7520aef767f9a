using System.Net.Http.Json;
using System.Text.Json;
using MediaPlatform.Testing.Api;

namespace MediaPlatform.Bench.Scalability;

/// <summary>
/// The mixed workload, over HTTP as a player app calls it: each client repeats profile read, title order, profile
/// read, payment of that order's invoice — half reads, half persisted account commands (an order is one, a payment
/// two plus a gateway-ledger charge). Client c acts as user c mod users, on node c mod nodes. Every HTTP request counts.
/// </summary>
public sealed class MixedWorkload
{
    private sealed record User(string UserId, HttpClient[] ClientPerNode);

    private readonly IReadOnlyList<User> _users;
    private readonly string _run = Guid.NewGuid().ToString("N")[..6];
    private long _orders;

    private MixedWorkload(IReadOnlyList<User> users) => _users = users;

    /// <summary>Signs up <paramref name="count"/> users through the first node, each with a card the built-in gateway approves.</summary>
    public static async Task<MixedWorkload> CreateAsync(IReadOnlyList<Uri> nodes, int count)
    {
        using var anonymous = new HttpClient { BaseAddress = nodes[0] };
        var users = new List<User>();
        for (var i = 0; i < count; i++)
        {
            var user = await new ApiClient(anonymous).NewUserAsync($"usl-{i}", $"Usl {i}");
            var clients = nodes.Select(address => ApiClient.Authorized(address, user.Token)).ToArray();
            (await clients[0].PostAsJsonAsync($"/api/users/{user.UserId}/cards",
                new { number = "4242424242424242", expiryMonth = 12, expiryYear = 2035, makeDefault = true })).EnsureSuccessStatusCode();
            users.Add(new User(user.UserId, clients));
        }
        return new MixedWorkload(users);
    }

    /// <summary>One client's loop until <paramref name="stop"/>; adds each answered request to <paramref name="tally"/>.</summary>
    public async Task RunClientAsync(int client, LoadTally tally, CancellationToken stop)
    {
        var user = _users[client % _users.Count];
        var http = user.ClientPerNode[client % user.ClientPerNode.Length];
        string? invoiceId = null;
        for (var step = 0; !stop.IsCancellationRequested; step++)
        {
            var ok = (step % 4) switch
            {
                0 or 2 => (await http.GetAsync($"/api/users/{user.UserId}")).IsSuccessStatusCode,
                1 => (invoiceId = await OrderAsync(http, user.UserId)) is not null,
                _ => invoiceId is not null && await PayAsync(http, user.UserId, invoiceId),
            };
            tally.Add(ok);
        }
    }

    private async Task<string?> OrderAsync(HttpClient http, string userId)
    {
        var n = Interlocked.Increment(ref _orders);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/users/{userId}/billing/orders")
        {
            Content = JsonContent.Create(new { titleId = $"t-{_run}-{n}" }),
        };
        request.Headers.Add("Idempotency-Key", $"o-{_run}-{n}");
        using var response = await http.SendAsync(request);
        if (!response.IsSuccessStatusCode) return null;
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("invoice").GetProperty("invoiceId").GetString();
    }

    private async Task<bool> PayAsync(HttpClient http, string userId, string invoiceId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/users/{userId}/billing/invoices/{invoiceId}/payments");
        request.Headers.Add("Idempotency-Key", $"p-{_run}-{invoiceId}");
        using var response = await http.SendAsync(request);
        return response.IsSuccessStatusCode;
    }
}
