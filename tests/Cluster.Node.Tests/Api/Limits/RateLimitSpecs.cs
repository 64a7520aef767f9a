using System.Net;
using System.Net.Http.Json;
using MediaPlatform.Node.Tests.Support;
using static MediaPlatform.Node.Tests.Api.Users.UserApiSpecs;

namespace MediaPlatform.Node.Tests.Api.Limits;

/// <summary>A node with the shipped rate limits.</summary>
public sealed class ShippedLimitsNodeFixture : IAsyncLifetime
{
    public TestNode Node { get; private set; } = null!;

    public async Task InitializeAsync() => Node = await TestNode.StartWithShippedLimitsAsync();

    public async Task DisposeAsync() => await Node.DisposeAsync();
}

/// <summary>
/// The shipped per-address and per-email limits through the real HTTP host: one client address floods sign-ups and
/// logins and is refused with 429, Retry-After and a ProblemDetails (not the limiter's default 503).
/// </summary>
public sealed class RateLimitSpecs(ShippedLimitsNodeFixture fixture) : IClassFixture<ShippedLimitsNodeFixture>
{
    private HttpClient Http => fixture.Node.Http;

    [Fact]
    public async Task Sign_ups_from_one_address_beyond_ten_a_minute_must_get_429_with_retry_after()
    {
        // Each request claims another client in X-Forwarded-For: untrusted by default, so it changes nothing.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
            statuses.Add((await SignUpAsync(Http, forwardedFor: $"203.0.113.{i + 1}")).StatusCode);
        Assert.Equal(10, statuses.Count(s => s == HttpStatusCode.Created));

        var refused = await Http.PostAsJsonAsync("/api/users", new { email = $"flood-{Guid.NewGuid():N}@example.com", password = "correct horse battery", displayName = "Flood" });
        await AssertProblemAsync(refused, HttpStatusCode.TooManyRequests, "too many");
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single()) is > 0 and <= 60);
    }

    [Fact]
    public async Task Logins_for_one_email_beyond_ten_a_minute_must_get_429_whether_or_not_the_account_exists()
    {
        var email = $"guess-{Guid.NewGuid():N}@example.com";
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++) statuses.Add((await Http.PostAsJsonAsync("/api/sessions", new { email, password = $"guess number {i:D3}" })).StatusCode);
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Unauthorized, s));

        var refused = await Http.PostAsJsonAsync("/api/sessions", new { email, password = "guess number 999" });
        await AssertProblemAsync(refused, HttpStatusCode.TooManyRequests, "too many logins");
        Assert.True(refused.Headers.Contains("Retry-After"));
    }

    private static async Task<HttpResponseMessage> SignUpAsync(HttpClient http, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/users")
        {
            Content = JsonContent.Create(new { email = $"flood-{Guid.NewGuid():N}@example.com", password = "correct horse battery", displayName = "Flood" }),
        };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return await http.SendAsync(request);
    }
}
