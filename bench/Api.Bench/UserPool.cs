using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MediaPlatform.Testing.Nodes;

namespace MediaPlatform.Bench.Api;

/// <summary>Users signed up and logged in over HTTP before measuring; each with a client per node carrying its token.</summary>
public sealed class UserPool
{
    public sealed record Member(string UserId, HttpClient[] ClientPerNode);

    public required IReadOnlyList<Member> Members { get; init; }

    public static async Task<UserPool> CreateAsync(InProcessNodeCluster cluster, int count)
    {
        using var anonymous = new HttpClient { BaseAddress = cluster.BaseAddresses[0] };
        var members = new List<Member>();
        for (var i = 0; i < count; i++)
        {
            var email = $"bench-{i}-{Guid.NewGuid():N}@example.com";
            const string password = "bench password 123";
            (await anonymous.PostAsJsonAsync("/api/users", new { email, password, displayName = $"Bench {i}" })).EnsureSuccessStatusCode();
            var login = await (await anonymous.PostAsJsonAsync("/api/sessions", new { email, password })).Content.ReadFromJsonAsync<JsonElement>();
            var token = login.GetProperty("token").GetString();
            var clients = cluster.BaseAddresses.Select(address =>
            {
                var client = new HttpClient { BaseAddress = address };
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
                return client;
            }).ToArray();
            var userId = login.GetProperty("userId").GetString()!;
            // A card that the built-in gateway approves, copied to the billing account as its default.
            (await clients[0].PostAsJsonAsync($"/api/users/{userId}/cards",
                new { number = "4242424242424242", expiryMonth = 12, expiryYear = 2035, makeDefault = true })).EnsureSuccessStatusCode();
            members.Add(new Member(userId, clients));
        }
        return new UserPool { Members = members };
    }
}
