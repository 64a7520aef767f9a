using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MediaPlatform.Node.Tests.Support;
using Xunit.Abstractions;
using static MediaPlatform.Node.Tests.Api.Users.UserApiSpecs;

namespace MediaPlatform.Node.Tests.Api.Users;

/// <summary>
/// Attacks on accounts through the real HTTP host (raised rate limits, shipped lockout): guessing a password,
/// telling known emails from unknown ones by timing, replaying a sign-up's Idempotency-Key with another body, weak
/// passwords, and names and emails that impersonate with invisible or look-alike characters.
/// </summary>
public sealed class AccountAbuseSpecs(NodeFixture fixture, ITestOutputHelper output) : IClassFixture<NodeFixture>
{
    private const string Password = "correct horse battery";
    private HttpClient Http => fixture.Node.Http;

    private static string UniqueEmail(string name = "abuse") => $"{name}-{Guid.NewGuid():N}@example.com";

    private async Task<string> SignUpAsync(string email, string password = Password)
    {
        var response = await fixture.Node.Api.SignUpAsync(email, password, "Target");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return email;
    }

    private Task<HttpResponseMessage> LogInAsync(string email, string password) => fixture.Node.Api.LoginAsync(email, password);

    [Fact]
    public async Task Twenty_five_wrong_passwords_then_the_right_one_must_not_log_in_but_get_429_with_retry_after()
    {
        var email = await SignUpAsync(UniqueEmail());
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 25; i++) statuses.Add((await LogInAsync(email, $"wrong password {i:D3}")).StatusCode);

        var right = await LogInAsync(email, Password);
        await AssertProblemAsync(right, HttpStatusCode.TooManyRequests, "locked");
        Assert.True(int.Parse(right.Headers.GetValues("Retry-After").Single()) is > 0 and <= 3600);
        // The first failures are plain 401s; the lock starts at the fifth.
        Assert.All(statuses.Take(5), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.All(statuses.Skip(5), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));

        // Another account is not affected.
        var other = await SignUpAsync(UniqueEmail());
        Assert.Equal(HttpStatusCode.OK, (await LogInAsync(other, Password)).StatusCode);
    }

    [Fact]
    public async Task Guessing_the_current_password_with_a_stolen_token_must_lock_the_account_like_failed_logins()
    {
        var email = await SignUpAsync(UniqueEmail("stolen"));
        var login = await LogInAsync(email, Password);
        var session = await login.Content.ReadFromJsonAsync<JsonElement>();
        using var thief = fixture.Node.ClientWithToken(session.GetProperty("token").GetString()!);
        var path = $"/api/users/{session.GetProperty("userId").GetString()}/password";

        var guesses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
            guesses.Add((await thief.PutAsJsonAsync(path, new { currentPassword = $"guess number {i:D3}", newPassword = "taken over at last" })).StatusCode);
        output.WriteLine($"guesses: {string.Join(", ", guesses.Select(g => (int)g))}");
        Assert.All(guesses.Take(5), g => Assert.Equal(HttpStatusCode.Forbidden, g));
        Assert.All(guesses.Skip(5), g => Assert.Equal(HttpStatusCode.TooManyRequests, g));

        // Even the right password is refused while the account is locked, and a login is locked too.
        var right = await thief.PutAsJsonAsync(path, new { currentPassword = Password, newPassword = "taken over at last" });
        await AssertProblemAsync(right, HttpStatusCode.TooManyRequests, "locked");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await LogInAsync(email, Password)).StatusCode);
    }

    [Fact]
    public async Task A_login_for_an_unknown_email_must_take_as_long_as_a_wrong_password_for_a_known_one()
    {
        // One wrong password per account, so no lockout is involved; medians of 15 each, interleaved.
        var known = new List<string>();
        for (var i = 0; i < 15; i++) known.Add(await SignUpAsync(UniqueEmail("timing")));
        await LogInAsync(UniqueEmail("warm"), "warm up the path");
        var (knownMs, unknownMs) = (new List<double>(), new List<double>());
        foreach (var email in known)
        {
            knownMs.Add(await TimedLoginAsync(email));
            unknownMs.Add(await TimedLoginAsync(UniqueEmail("nobody")));
        }
        var ratio = Statistics.Median(knownMs) / Statistics.Median(unknownMs);
        output.WriteLine($"median login: known email + wrong password {Statistics.Median(knownMs):0.0} ms, unknown email {Statistics.Median(unknownMs):0.0} ms, ratio {ratio:0.00}");
        Assert.InRange(ratio, 0.5, 2.0);
    }

    private async Task<double> TimedLoginAsync(string email)
    {
        var watch = Stopwatch.StartNew();
        var response = await LogInAsync(email, "not the password 42");
        watch.Stop();
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        return watch.Elapsed.TotalMilliseconds;
    }

    [Fact]
    public async Task A_sign_up_replayed_with_the_same_key_and_another_body_must_get_422_and_never_the_first_profile()
    {
        var (email, key) = (UniqueEmail("victim"), Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.Created, (await SignUpWithKeyAsync(key, email, Password, "Victim")).StatusCode);

        foreach (var (otherEmail, otherPassword, otherName) in new[]
                 {
                     (email, "attacker password 1", "Victim"), (email, Password, "Mallory"), (UniqueEmail("attacker"), Password, "Victim"),
                 })
        {
            var replay = await SignUpWithKeyAsync(key, otherEmail, otherPassword, otherName);
            var text = await replay.Content.ReadAsStringAsync();
            Assert.DoesNotContain("userId", text);
            await AssertProblemAsync(replay, HttpStatusCode.UnprocessableEntity, "Idempotency-Key");
        }

        // The same body still gets the first answer, and the victim can still log in.
        Assert.Equal(HttpStatusCode.Created, (await SignUpWithKeyAsync(key, email, Password, "Victim")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await LogInAsync(email, Password)).StatusCode);
    }

    private Task<HttpResponseMessage> SignUpWithKeyAsync(string key, string email, string password, string displayName)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/users") { Content = JsonContent.Create(new { email, password, displayName }) };
        request.Headers.Add("Idempotency-Key", key);
        return Http.SendAsync(request);
    }

    [Theory]
    [InlineData("1234567890", "commonly used")]
    [InlineData("Password123", "commonly used")]
    [InlineData("qwertyuiop", "commonly used")]
    [InlineData("aaaaaaaaaaaa", "one character repeated")]
    [InlineData("short1", "at least 10 characters")]
    public async Task Weak_passwords_must_be_refused_with_400(string password, string expected)
    {
        var response = await Http.PostAsJsonAsync("/api/users", new { email = UniqueEmail(), password, displayName = "Weak" });
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, expected);
    }

    [Theory]
    [InlineData("admin\u202Enimda", "bidirectional")]
    [InlineData("Ali\u200Bce", "zero-width")]
    [InlineData("Bob\u2066x\u2069", "bidirectional")]
    [InlineData("Eve\uFEFF", "zero-width")]
    public async Task Display_names_with_invisible_characters_must_be_refused_with_400(string displayName, string expected)
    {
        var response = await Http.PostAsJsonAsync("/api/users", new { email = UniqueEmail(), password = Password, displayName });
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, expected);
    }

    [Fact]
    public async Task An_email_whose_local_part_mixes_latin_and_cyrillic_must_be_refused_with_400()
    {
        // "pаypal" with a Cyrillic а (U+0430).
        var response = await Http.PostAsJsonAsync("/api/users", new { email = $"p\u0430ypal-{Guid.NewGuid():N}@example.com", password = Password, displayName = "Pay" });
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "mixes scripts");
    }

    [Fact]
    public async Task A_title_name_with_a_bidirectional_override_must_be_refused_with_400()
    {
        var email = await SignUpAsync(UniqueEmail("titles"));
        var login = await (await LogInAsync(email, Password)).Content.ReadFromJsonAsync<JsonElement>();
        using var client = fixture.Node.ClientWithToken(login.GetProperty("token").GetString()!);
        var response = await client.PostAsJsonAsync("/api/titles", new { name = "Trailer \u202Ekcap.exe", description = "x" });
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "bidirectional");
    }
}
