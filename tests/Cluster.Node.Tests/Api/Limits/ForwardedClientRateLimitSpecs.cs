using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MediaPlatform.Node.Tests.Support;
using static MediaPlatform.Node.Tests.Support.ProblemAnswers;

namespace MediaPlatform.Node.Tests.Api.Limits;

/// <summary>
/// The shipped per-address limits on one node behind a trusted proxy: each spec is a client address of its own
/// (documentation ranges, RFC 5737), so their budgets never meet.
/// </summary>
public sealed class ForwardedClientRateLimitSpecs(BehindProxyNodeFixture fixture) : IClassFixture<BehindProxyNodeFixture>
{
    [Fact]
    public async Task Behind_a_trusted_proxy_the_forwarded_client_must_have_its_own_budget_and_the_proxy_none_to_spoof_it()
    {
        using var client = fixture.ClientAt("198.51.100.7");
        for (var i = 0; i < 10; i++) Assert.Equal(HttpStatusCode.Created, (await SignUpAsync(client)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SignUpAsync(client)).StatusCode);
        // Another client behind the same proxy is not affected.
        using var neighbour = fixture.ClientAt("198.51.100.8");
        Assert.Equal(HttpStatusCode.Created, (await SignUpAsync(neighbour)).StatusCode);
    }

    [Fact]
    public async Task Password_spraying_over_many_emails_from_one_address_beyond_twenty_a_minute_must_get_429_with_retry_after()
    {
        using var sprayer = fixture.ClientAt("203.0.113.50");
        // One guess per email: the per-email limit (10) never trips; only the per-address one (20) can.
        for (var i = 0; i < 20; i++)
        {
            using var guess = await LogInAsync(sprayer, $"victim-{i}-{Guid.NewGuid():N}@example.com");
            Assert.Equal(HttpStatusCode.Unauthorized, guess.StatusCode);
        }

        using var refused = await LogInAsync(sprayer, $"victim-21-{Guid.NewGuid():N}@example.com");
        await AssertProblemAsync(refused, HttpStatusCode.TooManyRequests, "too many requests");
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single()) is > 0 and <= 60);

        // Another address still logs in.
        using var other = await LogInAsync(fixture.ClientAt("203.0.113.51"), $"someone-{Guid.NewGuid():N}@example.com");
        Assert.Equal(HttpStatusCode.Unauthorized, other.StatusCode);
    }

    [Fact]
    public async Task Source_uploads_from_one_address_beyond_twenty_a_minute_must_get_429_before_the_body_is_read()
    {
        var owner = await fixture.Node.Api.NewUserAsync("source-flood", "Flood");
        using var client = fixture.ClientAt("203.0.113.60", owner.Token);
        var titleId = await NewTitleAsync(client);

        // Empty bodies: each reaches the handler (400, nothing stored, no transcode) and counts against the limit.
        for (var i = 0; i < 20; i++)
        {
            using var upload = await PutSourceAsync(client, titleId);
            await AssertProblemAsync(upload, HttpStatusCode.BadRequest, "body is empty");
        }

        using var refused = await PutSourceAsync(client, titleId);
        await AssertProblemAsync(refused, HttpStatusCode.TooManyRequests, "too many requests");
        Assert.True(refused.Headers.Contains("Retry-After"));
    }

    [Fact]
    public async Task Title_creations_beyond_thirty_and_uploads_beyond_twenty_a_minute_from_one_address_must_get_429()
    {
        var uploader = await fixture.Node.Api.NewUserAsync("uploader", "Up");
        using var client = fixture.ClientAt("203.0.113.70", uploader.Token);

        var created = new List<HttpResponseMessage>();
        for (var i = 0; i < 31; i++) created.Add(await client.PostAsJsonAsync("/api/titles", new { name = $"Title {i}", description = "" }));
        Assert.All(created.Take(30), r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        await AssertProblemAsync(created[30], HttpStatusCode.TooManyRequests, "too many");
        Assert.True(created[30].Headers.Contains("Retry-After"));

        var titleId = (await created[0].Content.ReadFromJsonAsync<JsonElement>()).GetProperty("titleId").GetString();
        var uploads = new List<HttpStatusCode>();
        for (var i = 0; i < 21; i++)
            uploads.Add((await client.PutAsync($"/api/titles/{titleId}/subtitles/en",
                new StringContent("WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nHello\n", System.Text.Encoding.UTF8, "text/vtt"))).StatusCode);
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, uploads.Take(20));
        Assert.Equal(HttpStatusCode.TooManyRequests, uploads[20]);
    }

    private static Task<HttpResponseMessage> SignUpAsync(HttpClient client) =>
        client.PostAsJsonAsync("/api/users", new { email = $"flood-{Guid.NewGuid():N}@example.com", password = "correct horse battery", displayName = "Flood" });

    private static Task<HttpResponseMessage> LogInAsync(HttpClient client, string email) =>
        client.PostAsJsonAsync("/api/sessions", new { email, password = "Summer2026!spray" });

    private static async Task<string> NewTitleAsync(HttpClient client)
    {
        using var created = await client.PostAsJsonAsync("/api/titles", new { name = "Flooded", description = "" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("titleId").GetString()!;
    }

    private static Task<HttpResponseMessage> PutSourceAsync(HttpClient client, string titleId)
    {
        var body = new ByteArrayContent([]);
        body.Headers.ContentType = new("video/mp4");
        return client.PutAsync($"/api/titles/{titleId}/source", body);
    }
}
