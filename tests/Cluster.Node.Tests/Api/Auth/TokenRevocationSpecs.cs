using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MediaPlatform.Node.Tests.Support;
using MediaPlatform.Testing.Api;

namespace MediaPlatform.Node.Tests.Api.Auth;

/// <summary>
/// Credential changes need the current password and end every older session; logout ends all of the caller's
/// sessions ("sign out everywhere"). A stolen token must stop working once the owner reacts.
/// </summary>
public sealed class TokenRevocationSpecs(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    private const string Password = ApiClient.Password;
    private HttpClient Http => fixture.Node.Http;

    private async Task<(string UserId, string Email)> SignUpAsync()
    {
        var user = await fixture.Node.Api.NewUserAsync("revoke", "Owner");
        return (user.UserId, user.Email);
    }

    private async Task<string> LogInAsync(string email, string password = Password) =>
        (await fixture.Node.Api.LogInAsync(email, password)).Token;

    private async Task<HttpStatusCode> ProfileStatusAsync(string userId, string token)
    {
        using var client = fixture.Node.ClientWithToken(token);
        return (await client.GetAsync($"/api/users/{userId}")).StatusCode;
    }

    [Fact]
    public async Task Logout_must_end_every_session_of_the_caller_at_once()
    {
        var (userId, email) = await SignUpAsync();
        var stolen = await LogInAsync(email);
        var own = await LogInAsync(email);
        Assert.Equal(HttpStatusCode.OK, await ProfileStatusAsync(userId, stolen));

        using var client = fixture.Node.ClientWithToken(own);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/sessions/logout", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, await ProfileStatusAsync(userId, stolen));
        Assert.Equal(HttpStatusCode.Unauthorized, await ProfileStatusAsync(userId, own));
        Assert.Equal(HttpStatusCode.OK, await ProfileStatusAsync(userId, await LogInAsync(email)));
    }

    [Fact]
    public async Task Logout_without_a_token_must_get_401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await Http.PostAsync("/api/sessions/logout", null)).StatusCode);
    }

    [Fact]
    public async Task Changing_the_password_must_need_the_current_one_and_end_older_sessions()
    {
        var (userId, email) = await SignUpAsync();
        var stolen = await LogInAsync(email);
        using var attacker = fixture.Node.ClientWithToken(stolen);
        const string newPassword = "a brand new passphrase";

        await AssertProblemAsync(await attacker.PutAsJsonAsync($"/api/users/{userId}/password", new { newPassword }),
            HttpStatusCode.Forbidden, "current password");
        await AssertProblemAsync(await attacker.PutAsJsonAsync($"/api/users/{userId}/password", new { currentPassword = "a wrong guess!!", newPassword }),
            HttpStatusCode.Forbidden, "current password");
        await AssertProblemAsync(await attacker.PutAsJsonAsync($"/api/users/{userId}/password", new { currentPassword = Password, newPassword = "short" }),
            HttpStatusCode.BadRequest, "at least 10 characters");
        Assert.Equal(HttpStatusCode.OK, await ProfileStatusAsync(userId, stolen));

        using var owner = fixture.Node.ClientWithToken(await LogInAsync(email));
        var changed = await owner.PutAsJsonAsync($"/api/users/{userId}/password", new { currentPassword = Password, newPassword });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var fresh = (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;

        Assert.Equal(HttpStatusCode.Unauthorized, await ProfileStatusAsync(userId, stolen));
        Assert.Equal(HttpStatusCode.OK, await ProfileStatusAsync(userId, fresh));
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Node.Api.LoginAsync(email, Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, await ProfileStatusAsync(userId, await LogInAsync(email, newPassword)));
    }

    [Fact]
    public async Task Changing_the_email_must_need_the_current_password_and_end_older_sessions()
    {
        var (userId, email) = await SignUpAsync();
        var stolen = await LogInAsync(email);
        using var attacker = fixture.Node.ClientWithToken(stolen);
        var attackersEmail = $"attacker-{Guid.NewGuid():N}@example.com";

        await AssertProblemAsync(await attacker.PutAsJsonAsync($"/api/users/{userId}/email", new { email = attackersEmail }),
            HttpStatusCode.Forbidden, "current password");
        await AssertProblemAsync(await attacker.PutAsJsonAsync($"/api/users/{userId}/email", new { email = attackersEmail, currentPassword = "a wrong guess!!" }),
            HttpStatusCode.Forbidden, "current password");
        Assert.Equal(HttpStatusCode.OK, await ProfileStatusAsync(userId, stolen));

        var newEmail = $"moved-{Guid.NewGuid():N}@example.com";
        Assert.Equal(HttpStatusCode.OK, (await attacker.PutAsJsonAsync($"/api/users/{userId}/email", new { email = newEmail, currentPassword = Password })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await ProfileStatusAsync(userId, stolen));
        Assert.Equal(HttpStatusCode.OK, await ProfileStatusAsync(userId, await LogInAsync(newEmail)));
    }
}
