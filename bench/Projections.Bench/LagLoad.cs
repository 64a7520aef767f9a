using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MediaPlatform.Testing.Api;
using MediaPlatform.Testing.Processes;

namespace MediaPlatform.Bench.Projections;

/// <summary>
/// The chaos spec's kind of write load over HTTP: each client, one command at a time with a pause between rounds, buys
/// a made-up title for one of its accounts (an order: one invoice) and pays that invoice through the gateway, each with
/// its own Idempotency-Key; every few rounds it also signs a new user up, adds an approving card and subscribes them to
/// a plan (an invoice and its charge). As the chaos spec's clients do, a command that gets no answer, a time-out or a
/// 5xx is sent again with the same key to the next node, until a deadline: a killed node costs retries, not commands.
/// </summary>
public sealed class LagLoad : IDisposable
{
    /// <summary>Long enough to ride out a node's downing and its shards starting elsewhere.</summary>
    private static readonly TimeSpan CommandDeadline = TimeSpan.FromSeconds(60);
    private static readonly string[] Plans = ["basic", "standard", "premium"];
    private readonly HttpClient[] _nodes;
    private readonly List<LagAccount>[] _accounts;
    private readonly LagOptions _options;
    private readonly Stopwatch _clock;
    private readonly string _run = Guid.NewGuid().ToString("N")[..6];
    private int _signUps;

    private LagLoad(IReadOnlyList<NodeProcess> nodes, List<LagAccount>[] accounts, LagOptions options, Stopwatch clock)
    {
        // Above the API's own 10 s entity timeout, so a slow node answers 503 rather than being abandoned.
        _nodes = nodes.Select(n => new HttpClient { BaseAddress = n.BaseAddress, Timeout = TimeSpan.FromSeconds(12) }).ToArray();
        (_accounts, _options, _clock) = (accounts, options, clock);
    }

    public LagTally Tally { get; } = new();

    /// <summary>Signs up every client's accounts (spread over the nodes, four at a time), each with an approving card.</summary>
    public static async Task<LagLoad> CreateAsync(IReadOnlyList<NodeProcess> nodes, LagOptions options, Stopwatch clock)
    {
        using var fourAtOnce = new SemaphoreSlim(4);
        var accounts = await Task.WhenAll(Enumerable.Range(0, options.Clients * options.AccountsPerClient).Select(async i =>
        {
            await fourAtOnce.WaitAsync();
            try
            {
                using var http = new HttpClient { BaseAddress = nodes[i % nodes.Count].BaseAddress };
                var user = await new ApiClient(http).NewUserWithCardAsync(LagAccount.ApprovingCard, $"lag-{i}", $"Lag {i}");
                return new LagAccount(user.UserId, user.Token);
            }
            finally { fourAtOnce.Release(); }
        }));
        var perClient = Enumerable.Range(0, options.Clients)
            .Select(c => accounts.Skip(c * options.AccountsPerClient).Take(options.AccountsPerClient).ToList()).ToArray();
        return new LagLoad(nodes, perClient, options, clock);
    }

    /// <summary>One client's rounds until <paramref name="stop"/>; the command in flight finishes, so its outcome is counted.</summary>
    public async Task RunClientAsync(int client, CancellationToken stop)
    {
        var accounts = _accounts[client];
        for (var round = 1; !stop.IsCancellationRequested; round++)
        {
            if (round % _options.SignUpEvery == 0 && await SignUpAndSubscribeAsync(client, round) is { } added) accounts.Add(added);
            var account = accounts[round % accounts.Count];
            var key = $"{_run}-{client}-{round}";
            var order = await SendAsync(client, HttpMethod.Post, $"/api/users/{account.UserId}/billing/orders", account.Token,
                new { titleId = $"title-{key}" }, $"order-{key}");
            Count(LagTally.Kind.Order, order.Acked);
            if (order.Acked && order.Json?.GetProperty("invoice").GetProperty("invoiceId").GetString() is { } invoiceId)
            {
                var payment = await SendAsync(client, HttpMethod.Post, $"/api/users/{account.UserId}/billing/invoices/{invoiceId}/payments",
                    account.Token, null, $"pay-{key}");
                Count(LagTally.Kind.Payment, payment.Acked);
            }
            try { await Task.Delay(_options.Pause, stop); }
            catch (TaskCanceledException) { break; }
        }
    }

    public void Dispose()
    {
        foreach (var http in _nodes) http.Dispose();
    }

    /// <summary>A new user with a card, subscribed to a plan; null (and counted as failed) if a step never succeeds.</summary>
    private async Task<LagAccount?> SignUpAndSubscribeAsync(int client, int round)
    {
        var n = Interlocked.Increment(ref _signUps);
        var email = ApiClient.UniqueEmail($"lag-{_run}-{n}");
        // A repeat of a sign-up that did go through is refused as a taken email (409): the user exists either way.
        var signUp = await SendAsync(client, HttpMethod.Post, "/api/users", null,
            new { email, password = ApiClient.Password, displayName = $"Lag {n}" }, null);
        var login = signUp.Acked || signUp.Status == HttpStatusCode.Conflict
            ? await SendAsync(client, HttpMethod.Post, "/api/sessions", null, new { email, password = ApiClient.Password }, null)
            : signUp;
        Count(LagTally.Kind.SignUp, login.Acked);
        if (!login.Acked) return null;
        var account = new LagAccount(login.Json!.Value.GetProperty("userId").GetString()!, login.Json.Value.GetProperty("token").GetString()!);
        var card = await SendAsync(client, HttpMethod.Post, $"/api/users/{account.UserId}/cards", account.Token,
            new { number = LagAccount.ApprovingCard, expiryMonth = 12, expiryYear = DateTime.UtcNow.Year + 3, makeDefault = true }, null);
        var subscription = card.Acked
            ? await SendAsync(client, HttpMethod.Post, $"/api/users/{account.UserId}/billing/subscription", account.Token,
                new { planId = Plans[n % Plans.Length] }, $"sub-{_run}-{client}-{round}")
            : card;
        Count(LagTally.Kind.Subscription, subscription.Acked);
        return subscription.Acked ? account : null;
    }

    private void Count(LagTally.Kind kind, bool acked)
    {
        if (acked) Tally.Acked(kind, _clock.Elapsed.TotalSeconds);
        else Tally.Failed(kind);
    }

    private sealed record Reply(HttpStatusCode? Status, JsonElement? Json)
    {
        public bool Acked => Status is { } s && (int)s is >= 200 and < 300;
    }

    /// <summary>The same request (and Idempotency-Key) to node after node until a 2xx or 4xx, or the deadline.</summary>
    private async Task<Reply> SendAsync(int client, HttpMethod method, string path, string? token, object? body, string? key)
    {
        var (next, backoff) = (client, TimeSpan.FromMilliseconds(200));
        var giveUpAt = _clock.Elapsed + CommandDeadline;
        while (true)
        {
            try
            {
                using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
                if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                if (key is not null) request.Headers.Add("Idempotency-Key", key);
                using var response = await _nodes[next % _nodes.Length].SendAsync(request);
                if ((int)response.StatusCode < 500)
                {
                    var text = response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync() : "";
                    return new Reply(response.StatusCode, text.Length > 0 ? JsonDocument.Parse(text).RootElement : null);
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { /* no answer: the next node */ }
            next++;
            if (_clock.Elapsed + backoff > giveUpAt) return new Reply(null, null);
            await Task.Delay(backoff);
            backoff = TimeSpan.FromMilliseconds(Math.Min(backoff.TotalMilliseconds * 2, 2000));
        }
    }
}
