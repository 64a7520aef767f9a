using System.Net.Http.Json;
using MediaPlatform.Testing.Api;
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
            var user = await new ApiClient(anonymous).NewUserAsync($"bench-{i}", $"Bench {i}");
            var clients = cluster.BaseAddresses.Select(address => ApiClient.Authorized(address, user.Token)).ToArray();
            var userId = user.UserId;
            // A card that the built-in gateway approves, copied to the billing account as its default.
            (await clients[0].PostAsJsonAsync($"/api/users/{userId}/cards",
                new { number = "4242424242424242", expiryMonth = 12, expiryYear = 2035, makeDefault = true })).EnsureSuccessStatusCode();
            members.Add(new Member(userId, clients));
        }
        return new UserPool { Members = members };
    }
}
