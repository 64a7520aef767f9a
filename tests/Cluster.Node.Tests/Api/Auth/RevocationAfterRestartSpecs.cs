using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MediaPlatform.Node.Tests.Support;

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
        var email = $"restart-{Guid.NewGuid():N}@example.com";
        const string password = "correct horse battery";
        string userId, revoked;

        await using (var before = await TestNode.StartAsync(args))
        {
            Assert.Equal(HttpStatusCode.Created, (await before.Http.PostAsJsonAsync("/api/users", new { email, password, displayName = "Restart" })).StatusCode);
            var login = await (await before.Http.PostAsJsonAsync("/api/sessions", new { email, password })).Content.ReadFromJsonAsync<JsonElement>();
            (userId, revoked) = (login.GetProperty("userId").GetString()!, login.GetProperty("token").GetString()!);
            using var client = before.ClientWithToken(revoked);
            Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/sessions/logout", null)).StatusCode);
        }

        await using var after = await TestNode.StartAsync(args);
        using var stale = after.ClientWithToken(revoked);
        Assert.Equal(HttpStatusCode.Unauthorized, (await stale.GetAsync($"/api/users/{userId}")).StatusCode);
        var fresh = await (await after.Http.PostAsJsonAsync("/api/sessions", new { email, password })).Content.ReadFromJsonAsync<JsonElement>();
        using var renewed = after.ClientWithToken(fresh.GetProperty("token").GetString()!);
        Assert.Equal(HttpStatusCode.OK, (await renewed.GetAsync($"/api/users/{userId}")).StatusCode);
    }
}
