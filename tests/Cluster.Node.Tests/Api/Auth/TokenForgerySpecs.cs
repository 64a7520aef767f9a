using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MediaPlatform.Node.Tests.Support;

namespace MediaPlatform.Node.Tests.Api.Auth;

/// <summary>
/// A node started without --token-key (as the run command used to start every node) must not accept tokens that
/// anyone can mint: neither with the development key that was once in the source, nor with a key id it does not know.
/// </summary>
public sealed class TokenForgerySpecs(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    private async Task<(string UserId, string Token)> SignUpAsync()
    {
        var user = await fixture.Node.Api.NewUserAsync("forgery", "Victim");
        return (user.UserId, user.Token);
    }

    private async Task<HttpStatusCode> ReadProfileWith(string userId, string token)
    {
        using var client = fixture.Node.ClientWithToken(token);
        return (await client.GetAsync($"/api/users/{userId}")).StatusCode;
    }

    [Fact]
    public async Task A_token_minted_with_the_former_public_development_key_must_be_refused()
    {
        var (victim, _) = await SignUpAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, await ReadProfileWith(victim, TokenMint.Legacy(TokenMint.FormerPublicDevelopmentKey, victim)));
        Assert.Equal(HttpStatusCode.Unauthorized, await ReadProfileWith(victim, TokenMint.Current(TokenMint.FormerPublicDevelopmentKey, victim)));
    }

    [Fact]
    public async Task A_token_whose_key_id_the_node_does_not_know_must_be_refused()
    {
        var (victim, token) = await SignUpAsync();
        Assert.Equal(HttpStatusCode.OK, await ReadProfileWith(victim, token));
        Assert.Equal(HttpStatusCode.Unauthorized, await ReadProfileWith(victim, TokenMint.Legacy(TokenMint.FormerPublicDevelopmentKey, victim, extraKid: "0badc0de")));
        Assert.Equal(HttpStatusCode.Unauthorized, await ReadProfileWith(victim, TokenMint.Current("some-other-secret-nobody-configured-0123456789", victim)));
    }

    [Fact]
    public async Task Issued_tokens_must_name_the_key_that_signed_them()
    {
        var (_, token) = await SignUpAsync();
        var body = token.Split('.')[0].Replace('-', '+').Replace('_', '/');
        var claims = JsonDocument.Parse(Convert.FromBase64String(body.PadRight(body.Length + (4 - body.Length % 4) % 4, '='))).RootElement;
        Assert.Matches("^[0-9a-f]{8}$", claims.GetProperty("kid").GetString());
        Assert.Equal(JsonValueKind.Number, claims.GetProperty("ver").ValueKind);
    }
}
