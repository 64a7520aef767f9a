using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MediaPlatform.Node.Tests.Support;

namespace MediaPlatform.Node.Tests.Api.Auth;

/// <summary>
/// Token checks that every node of a cluster must agree on: a session ended through one node is refused by the
/// other as soon as the logout has answered, and a retired signing key verifies only where it is still listed.
/// </summary>
public sealed class ClusterWideTokenSpecs(TwoNodeFixture cluster) : IClassFixture<TwoNodeFixture>
{
    private static async Task<(string UserId, string Token)> SignUpAsync(TestNode node)
    {
        var user = await node.Api.NewUserAsync("cluster", "Everywhere");
        return (user.UserId, user.Token);
    }

    private static async Task<HttpStatusCode> ProfileStatusAsync(TestNode node, string userId, string token)
    {
        using var client = node.ClientWithToken(token);
        return (await client.GetAsync($"/api/users/{userId}")).StatusCode;
    }

    [Fact]
    public async Task A_session_ended_through_one_node_must_be_refused_by_the_other_right_after_the_logout_answers()
    {
        var (userId, token) = await SignUpAsync(cluster.A);
        // B has checked this user's token before, so whatever B remembers about the user is already in place.
        Assert.Equal(HttpStatusCode.OK, await ProfileStatusAsync(cluster.B, userId, token));

        using var viaA = cluster.A.ClientWithToken(token);
        Assert.Equal(HttpStatusCode.NoContent, (await viaA.PostAsync("/api/sessions/logout", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, await ProfileStatusAsync(cluster.B, userId, token));
        Assert.Equal(HttpStatusCode.Unauthorized, await ProfileStatusAsync(cluster.A, userId, token));
    }

    [Fact]
    public async Task A_token_of_the_retired_key_must_verify_only_where_the_key_is_listed_as_previous()
    {
        var (userId, issued) = await SignUpAsync(cluster.A);
        var underRetiredKey = TokenMint.Current(TwoNodeFixture.RetiredKey, userId);

        Assert.Equal(HttpStatusCode.OK, await ProfileStatusAsync(cluster.A, userId, underRetiredKey));
        Assert.Equal(HttpStatusCode.Unauthorized, await ProfileStatusAsync(cluster.B, userId, underRetiredKey));
        // New tokens are signed with the current key only, so every node accepts them.
        Assert.Equal(HttpStatusCode.OK, await ProfileStatusAsync(cluster.B, userId, issued));
        Assert.Equal(HttpStatusCode.OK, await ProfileStatusAsync(cluster.A, userId, TokenMint.Current(TwoNodeFixture.CurrentKey, userId)));
    }
}
