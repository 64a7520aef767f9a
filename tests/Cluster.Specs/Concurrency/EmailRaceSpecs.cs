using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MediaPlatform.Specs.MultiProcess;
using Xunit.Abstractions;

namespace MediaPlatform.Specs.Concurrency;

/// <summary>
/// Sign-ups racing for one email on every node of a real 3-process cluster; then (sharing the cluster, which takes
/// long to form) one account's lockout, earned on some nodes and enforced on all, and sessions ended through one node
/// (logout, password change) refused by another right after the answer.
/// </summary>
[Collection(MultiProcessCollection.Name)]
public sealed class EmailRaceSpecs(ITestOutputHelper output)
{
    [Fact]
    public async Task Concurrent_sign_ups_with_one_email_on_different_nodes_must_let_exactly_one_win()
    {
        await using var cluster = await NodeProcessCluster.StartAsync(3, new(output.WriteLine));
        await cluster.AwaitAllUpAsync(SpecTimeouts.Formation);
        var clients = cluster.Nodes.Select(n => new HttpClient { BaseAddress = n.BaseAddress, Timeout = TimeSpan.FromSeconds(60) }).ToArray();

        for (var round = 0; round < 3; round++)
        {
            // The same address in different spellings: they normalize to one reservation.
            var email = $"race-{round}-{Guid.NewGuid():N}@example.com";
            var spellings = new[] { email, email.ToUpperInvariant(), $"  {email} " };
            const int contenders = 12;
            var attempts = Enumerable.Range(0, contenders).Select(async i =>
            {
                var response = await clients[i % clients.Length].PostAsJsonAsync("/api/users",
                    new { email = spellings[i % spellings.Length], password = $"password-number-{i}", displayName = $"Racer {i}" });
                return (Index: i, response.StatusCode, Body: await response.Content.ReadAsStringAsync());
            }).ToArray();
            var results = await Task.WhenAll(attempts);

            var winners = results.Where(r => r.StatusCode == HttpStatusCode.Created).ToArray();
            var losers = results.Where(r => r.StatusCode == HttpStatusCode.Conflict).ToArray();
            output.WriteLine($"round {round}: {winners.Length} created, {losers.Length} conflict, " +
                             $"other: {string.Join(", ", results.Where(r => r.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.Conflict)).Select(r => (int)r.StatusCode))}");
            var winner = Assert.Single(winners);
            Assert.Equal(contenders - 1, losers.Length);

            // Only the winner's credentials work, from any node: no loser got a half-created account.
            var winnerId = JsonDocument.Parse(winner.Body).RootElement.GetProperty("userId").GetString();
            foreach (var (client, i) in clients.Select((c, i) => (c, i)))
            {
                var login = await client.PostAsJsonAsync("/api/sessions", new { email, password = $"password-number-{winner.Index}" });
                Assert.Equal(HttpStatusCode.OK, login.StatusCode);
                Assert.Equal(winnerId, (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("userId").GetString());
            }
            foreach (var loser in losers.Take(3))
            {
                var login = await clients[0].PostAsJsonAsync("/api/sessions", new { email, password = $"password-number-{loser.Index}" });
                Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
            }
        }

        await AssertLockoutHoldsOnEveryNodeAsync(clients);
        await AssertEndedSessionsAreRefusedByEveryNodeAsync(clients);
        foreach (var client in clients) client.Dispose();
        cluster.MarkPassed();
    }

    /// <summary>
    /// Log in through node 1, end the session through node 2 (logout, then a password change), and the old token is
    /// refused by node 3 on the very next request. Node 3 has used the token just before, so what it refuses with is
    /// the token version replicated to it before node 2 answered, not a fresh look-up of a cold cache.
    /// </summary>
    private async Task AssertEndedSessionsAreRefusedByEveryNodeAsync(HttpClient[] clients)
    {
        var (email, password) = ($"revoked-{Guid.NewGuid():N}@example.com", "the first password 8");
        Assert.Equal(HttpStatusCode.Created, (await clients[0].PostAsJsonAsync("/api/users", new { email, password, displayName = "Revoked" })).StatusCode);
        var (userId, token) = await LogInAsync(clients[0], email, password);
        foreach (var client in clients) Assert.Equal(HttpStatusCode.OK, await ProfileStatusAsync(client, userId, token));

        using (var logout = new HttpRequestMessage(HttpMethod.Post, "/api/sessions/logout"))
        {
            logout.Headers.Authorization = new("Bearer", token);
            Assert.Equal(HttpStatusCode.NoContent, (await clients[1].SendAsync(logout)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, await ProfileStatusAsync(clients[2], userId, token));
        Assert.Equal(HttpStatusCode.Unauthorized, await ProfileStatusAsync(clients[0], userId, token));

        var (_, older) = await LogInAsync(clients[0], email, password);
        Assert.Equal(HttpStatusCode.OK, await ProfileStatusAsync(clients[2], userId, older));
        using var change = new HttpRequestMessage(HttpMethod.Put, $"/api/users/{userId}/password")
        {
            Content = JsonContent.Create(new { currentPassword = password, newPassword = "the second password 9" }),
        };
        change.Headers.Authorization = new("Bearer", older);
        using var changed = await clients[1].SendAsync(change);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var fresh = (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        var (olderOnThird, freshOnThird) = (await ProfileStatusAsync(clients[2], userId, older), await ProfileStatusAsync(clients[2], userId, fresh));
        output.WriteLine($"on node 3 right after: logged-out token 401, token older than the password change {(int)olderOnThird}, fresh token {(int)freshOnThird}");
        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.OK), (olderOnThird, freshOnThird));
    }

    private static async Task<(string UserId, string Token)> LogInAsync(HttpClient client, string email, string password)
    {
        using var login = await client.PostAsJsonAsync("/api/sessions", new { email, password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var body = await login.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("userId").GetString()!, body.GetProperty("token").GetString()!);
    }

    private static async Task<HttpStatusCode> ProfileStatusAsync(HttpClient client, string userId, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/users/{userId}");
        request.Headers.Authorization = new("Bearer", token);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>Wrong passwords spread over the nodes lock the account on every node, even for the right password.</summary>
    private async Task AssertLockoutHoldsOnEveryNodeAsync(HttpClient[] clients)
    {
        var (email, password) = ($"locked-{Guid.NewGuid():N}@example.com", "the right password 7");
        Assert.Equal(HttpStatusCode.Created, (await clients[0].PostAsJsonAsync("/api/users", new { email, password, displayName = "Locked" })).StatusCode);
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await clients[i % clients.Length].PostAsJsonAsync("/api/sessions", new { email, password = $"wrong guess {i:D4}" })).StatusCode);
        foreach (var client in clients)
        {
            var login = await client.PostAsJsonAsync("/api/sessions", new { email, password });
            output.WriteLine($"right password after 5 failures on {client.BaseAddress}: {(int)login.StatusCode}, Retry-After {login.Headers.RetryAfter}");
            Assert.Equal(HttpStatusCode.TooManyRequests, login.StatusCode);
            Assert.NotNull(login.Headers.RetryAfter);
        }
    }
}
