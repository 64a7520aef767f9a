using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MediaPlatform.Node.Tests.Support;

namespace MediaPlatform.Node.Tests.Api.Users;

/// <summary>The users API through the real HTTP host: every endpoint's success and error shapes.</summary>
public sealed class UserApiSpecs(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    private HttpClient Http => fixture.Node.Http;

    private static string UniqueEmail(string name = "user") => $"{name}-{Guid.NewGuid():N}@example.com";

    private async Task<(string UserId, string Token, string Email)> SignUpAndLogInAsync(string password = "correct horse battery")
    {
        var email = UniqueEmail();
        var signUp = await Http.PostAsJsonAsync("/api/users", new { email, password, displayName = "Tester" });
        Assert.Equal(HttpStatusCode.Created, signUp.StatusCode);
        var login = await Http.PostAsJsonAsync("/api/sessions", new { email, password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var body = await login.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("userId").GetString()!, body.GetProperty("token").GetString()!, email);
    }

    [Fact]
    public async Task Anonymous_reads_of_unknown_titles_and_logins_for_unknown_emails_must_not_leave_live_entities()
    {
        // Counting goes through the management route the operator uses; entities spawned by anyone else in this
        // class only passivate, so the count may fall below the baseline but must not stay above it.
        using var admin = fixture.Node.ClientWithToken(TestNode.AdminToken);
        async Task<int> LiveAsync()
        {
            var stats = await admin.GetFromJsonAsync<JsonElement>("/cluster/sharding");
            return stats.GetProperty("regions").EnumerateArray()
                .Where(r => r.GetProperty("region").GetString() is "title" or "email-reservation" or "user")
                .Sum(r => r.GetProperty("entityCount").GetInt32());
        }
        var baseline = await LiveAsync();

        const int attempts = 15;
        for (var i = 0; i < attempts; i++)
        {
            using var title = await Http.GetAsync($"/api/titles/{Guid.NewGuid():N}");
            Assert.Equal(HttpStatusCode.NotFound, title.StatusCode);
            using var login = await Http.PostAsJsonAsync("/api/sessions", new { email = UniqueEmail("nobody"), password = "correct horse battery" });
            // 429 once a login rate limit applies: refused before any entity is asked, which is just as good here.
            Assert.True(login.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.TooManyRequests, $"login answered {(int)login.StatusCode}");
        }

        // Not the two-minute idle timeout: a few seconds.
        await Eventually.AwaitAsync(async () => await LiveAsync() <= baseline, TimeSpan.FromSeconds(5),
            $"live title, email-reservation and user entities to fall back to the baseline of {baseline}");
    }

    [Fact]
    public async Task Sign_up_must_create_the_user_and_answer_201_with_its_location_and_no_secrets()
    {
        var email = UniqueEmail("Alice");
        var response = await Http.PostAsJsonAsync("/api/users", new { email = $"  {email.ToUpperInvariant()} ", password = "correct horse battery", displayName = " Alice " });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        var body = JsonDocument.Parse(text).RootElement;
        var userId = body.GetProperty("userId").GetString();
        Assert.Equal($"/api/users/{userId}", response.Headers.Location!.ToString());
        Assert.Equal(email.ToLowerInvariant(), body.GetProperty("email").GetString());
        Assert.Equal("Alice", body.GetProperty("displayName").GetString());
        Assert.DoesNotContain("correct horse", text);
        Assert.DoesNotContain("pbkdf2", text);
    }

    [Fact]
    public async Task A_second_sign_up_with_the_same_email_in_another_case_must_get_409()
    {
        var email = UniqueEmail();
        Assert.Equal(HttpStatusCode.Created, (await Http.PostAsJsonAsync("/api/users", new { email, password = "correct horse battery", displayName = "One" })).StatusCode);
        var second = await Http.PostAsJsonAsync("/api/users", new { email = email.ToUpperInvariant(), password = "another password!", displayName = "Two" });
        await AssertProblemAsync(second, HttpStatusCode.Conflict, "already in use");
    }

    [Fact]
    public async Task A_retried_sign_up_with_the_same_idempotency_key_must_return_the_first_user()
    {
        var email = UniqueEmail();
        var key = Guid.NewGuid().ToString();
        async Task<string> SignUp()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/users") { Content = JsonContent.Create(new { email, password = "correct horse battery", displayName = "Retry" }) };
            request.Headers.Add("Idempotency-Key", key);
            var response = await Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("userId").GetString()!;
        }
        Assert.Equal(await SignUp(), await SignUp());
    }

    [Theory]
    [InlineData("""{"password":"correct horse battery","displayName":"X"}""", "email is required")]
    [InlineData("""{"email":"not-an-email","password":"correct horse battery","displayName":"X"}""", "email must look like")]
    [InlineData("""{"email":"a b@example.com","password":"correct horse battery","displayName":"X"}""", "spaces")]
    [InlineData("""{"email":"x@example.com","password":"short","displayName":"X"}""", "at least 10 characters")]
    [InlineData("""{"email":"x@example.com","password":"correct horse battery","displayName":""}""", "display name is required")]
    [InlineData("""{"email":"x@example.com","password":"correct horse battery","displayName":"X","role":"admin"}""", "role")]
    [InlineData("""{"email":"x@example.com","password":"correct horse battery","displayName":5}""", "displayName")]
    [InlineData("""{"email":"x@example.com",""", "")]
    [InlineData("""[1,2,3]""", "")]
    public async Task Malformed_sign_ups_must_get_400_problem_details_saying_what_is_wrong(string json, string expected)
    {
        var response = await Http.PostAsync("/api/users", new StringContent(json, Encoding.UTF8, "application/json"));
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, expected);
    }

    [Fact]
    public async Task A_too_long_display_name_must_be_refused_and_leave_the_email_free()
    {
        var email = UniqueEmail();
        var tooLong = await Http.PostAsJsonAsync("/api/users", new { email, password = "correct horse battery", displayName = new string('x', 61) });
        await AssertProblemAsync(tooLong, HttpStatusCode.BadRequest, "longer than 60");
        var retry = await Http.PostAsJsonAsync("/api/users", new { email, password = "correct horse battery", displayName = "Fine" });
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
    }

    [Fact]
    public async Task An_oversized_body_must_get_413()
    {
        var huge = $$"""{"email":"x@example.com","password":"correct horse battery","displayName":"{{new string('x', 100_000)}}"}""";
        var response = await Http.PostAsync("/api/users", new StringContent(huge, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Login_must_issue_a_token_and_refuse_wrong_passwords_and_unknown_emails_alike()
    {
        var (userId, token, email) = await SignUpAndLogInAsync();
        Assert.StartsWith("u-", userId);
        Assert.Contains('.', token);
        var wrong = await Http.PostAsJsonAsync("/api/sessions", new { email, password = "wrong password 123" });
        var unknown = await Http.PostAsJsonAsync("/api/sessions", new { email = UniqueEmail(), password = "correct horse battery" });
        await AssertProblemAsync(wrong, HttpStatusCode.Unauthorized, "email or password is wrong");
        await AssertProblemAsync(unknown, HttpStatusCode.Unauthorized, "email or password is wrong");
    }

    [Fact]
    public async Task Profile_must_be_readable_by_its_owner_only()
    {
        var (userId, token, _) = await SignUpAndLogInAsync();
        var (otherId, _, _) = await SignUpAndLogInAsync();
        using var client = fixture.Node.ClientWithToken(token);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/users/{userId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Http.GetAsync($"/api/users/{userId}")).StatusCode);
        await AssertProblemAsync(await client.GetAsync($"/api/users/{otherId}"), HttpStatusCode.Forbidden, "your own data");
        using var forged = fixture.Node.ClientWithToken(token[..^3] + "AAA");
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync($"/api/users/{userId}")).StatusCode);
        await AssertProblemAsync(await client.GetAsync("/api/users/NOT%20AN%20ID"), HttpStatusCode.BadRequest, "not a valid id");
    }

    [Fact]
    public async Task The_admin_token_must_read_any_profile_and_a_missing_user_is_404()
    {
        var (userId, _, _) = await SignUpAndLogInAsync();
        using var admin = fixture.Node.ClientWithToken(TestNode.AdminToken);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/users/{userId}")).StatusCode);
        await AssertProblemAsync(await admin.GetAsync("/api/users/u-0000000000000000"), HttpStatusCode.NotFound, "does not exist");
    }

    [Fact]
    public async Task Display_name_must_be_updatable_and_validated()
    {
        var (userId, token, _) = await SignUpAndLogInAsync();
        using var client = fixture.Node.ClientWithToken(token);
        var ok = await client.PatchAsJsonAsync($"/api/users/{userId}", new { displayName = "Renamed" });
        Assert.Equal("Renamed", (await ok.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("displayName").GetString());
        await AssertProblemAsync(await client.PatchAsJsonAsync($"/api/users/{userId}", new { displayName = "  " }), HttpStatusCode.BadRequest, "display name is required");
    }

    [Fact]
    public async Task Changing_email_must_move_the_login_and_free_the_old_address()
    {
        var (userId, token, oldEmail) = await SignUpAndLogInAsync();
        using var client = fixture.Node.ClientWithToken(token);
        var newEmail = UniqueEmail("moved");

        var changed = await client.PutAsJsonAsync($"/api/users/{userId}/email", new { email = newEmail, currentPassword = "correct horse battery" });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var relogin = await Http.PostAsJsonAsync("/api/sessions", new { email = newEmail, password = "correct horse battery" });
        Assert.Equal(HttpStatusCode.OK, relogin.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Http.PostAsJsonAsync("/api/sessions", new { email = oldEmail, password = "correct horse battery" })).StatusCode);
        await Eventually.AwaitAsync(() => Http.PostAsJsonAsync("/api/users", new { email = oldEmail, password = "correct horse battery", displayName = "Newcomer" })
            .GetAwaiter().GetResult().StatusCode == HttpStatusCode.Created, TimeSpan.FromSeconds(10), "the old address was not released");

        // The change ended the old session; the new one carries on.
        using var renewed = fixture.Node.ClientWithToken((await relogin.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!);
        var (_, otherToken, takenEmail) = await SignUpAndLogInAsync();
        await AssertProblemAsync(await renewed.PutAsJsonAsync($"/api/users/{userId}/email", new { email = takenEmail, currentPassword = "correct horse battery" }), HttpStatusCode.Conflict, "already in use");
        Assert.NotNull(otherToken);
    }

    [Fact]
    public async Task Cards_must_be_validated_and_kept_without_their_number()
    {
        var (userId, token, _) = await SignUpAndLogInAsync();
        using var client = fixture.Node.ClientWithToken(token);
        const string visa = "4111111111111111", mastercard = "5555555555554444";

        var first = await client.PostAsJsonAsync($"/api/users/{userId}/cards", new { number = visa, expiryMonth = 12, expiryYear = 2031, makeDefault = false });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var firstText = await first.Content.ReadAsStringAsync();
        Assert.DoesNotContain(visa, firstText);
        Assert.DoesNotContain("tok_", firstText);
        var firstCard = JsonDocument.Parse(firstText).RootElement;
        Assert.Equal("Visa", firstCard.GetProperty("brand").GetString());
        Assert.Equal("1111", firstCard.GetProperty("last4").GetString());
        Assert.True(firstCard.GetProperty("isDefault").GetBoolean()); // the first card is the default

        var second = await (await client.PostAsJsonAsync($"/api/users/{userId}/cards", new { number = mastercard, expiryMonth = 1, expiryYear = 2032, makeDefault = true }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(second.GetProperty("isDefault").GetBoolean());

        var firstId = firstCard.GetProperty("cardId").GetString();
        var profile = await (await client.PutAsync($"/api/users/{userId}/cards/{firstId}/default", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(firstId, profile.GetProperty("cards").EnumerateArray().Single(c => c.GetProperty("isDefault").GetBoolean()).GetProperty("cardId").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/users/{userId}/cards/{firstId}")).StatusCode);
        await AssertProblemAsync(await client.DeleteAsync($"/api/users/{userId}/cards/{firstId}"), HttpStatusCode.NotFound, "not found");

        await AssertProblemAsync(await client.PostAsJsonAsync($"/api/users/{userId}/cards", new { number = "4111111111111112", expiryMonth = 12, expiryYear = 2031, makeDefault = false }), HttpStatusCode.BadRequest, "checksum");
        await AssertProblemAsync(await client.PostAsJsonAsync($"/api/users/{userId}/cards", new { number = visa, expiryMonth = 1, expiryYear = 2020, makeDefault = false }), HttpStatusCode.BadRequest, "expired");
        await AssertProblemAsync(await client.PostAsJsonAsync($"/api/users/{userId}/cards", new { number = "9999999999999995", expiryMonth = 1, expiryYear = 2031, makeDefault = false }), HttpStatusCode.BadRequest, "brand");

        // Neither the card number nor the password reached the journal.
        var journal = await fixture.JournalBytesAsync();
        Assert.DoesNotContain(visa, journal);
        Assert.DoesNotContain(mastercard, journal);
        Assert.DoesNotContain("correct horse battery", journal);
    }
}
