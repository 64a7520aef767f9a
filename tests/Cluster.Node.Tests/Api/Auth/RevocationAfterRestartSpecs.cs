using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MediaPlatform.Node.Tests.Support;
using MediaPlatform.Testing.Api;

namespace MediaPlatform.Node.Tests.Api.Auth;

/// <summary>
/// The replicated token versions live in memory; after the whole cluster restarts no node has an entry for anyone.
/// A revoked token must still be refused then: the node asks the user entity (the journal) on a miss.
/// </summary>
public sealed class RevocationAfterRestartSpecs
{
    private const string Key = "restart-spec-token-key-0123456789abcdef";

    [Fact]
    public async Task A_token_revoked_before_a_whole_cluster_restart_must_stay_refused_after_it()
    {
        using var shared = new TempDirectory();
        string[] args = ["--token-key", Key, "--sqlite-file", Path.Combine(shared.Path, "journal.db")];
        string email, userId, revoked;

        await using (var before = await TestNode.StartAsync(args))
        {
            var user = await before.Api.NewUserAsync("restart", "Restart");
            (email, userId, revoked) = (user.Email, user.UserId, user.Token);
            using var client = before.ClientWithToken(revoked);
            Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/sessions/logout", null)).StatusCode);
        }

        await using var after = await TestNode.StartAsync(args);
        using var stale = after.ClientWithToken(revoked);
        Assert.Equal(HttpStatusCode.Unauthorized, (await stale.GetAsync($"/api/users/{userId}")).StatusCode);
        var fresh = await after.Api.LogInAsync(email, ApiClient.Password);
        using var renewed = after.ClientWithToken(fresh.Token);
        Assert.Equal(HttpStatusCode.OK, (await renewed.GetAsync($"/api/users/{userId}")).StatusCode);
    }
}
