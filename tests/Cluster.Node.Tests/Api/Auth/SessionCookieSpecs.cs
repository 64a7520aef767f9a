using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MediaPlatform.Node.Tests.Browser;
using MediaPlatform.Node.Tests.Support;
using MediaPlatform.Testing.Api;

namespace MediaPlatform.Node.Tests.Api.Auth;

/// <summary>
/// The browser's session: a cookie login keeps the signed token in an HttpOnly, SameSite=Strict cookie, which then
/// authenticates like the bearer token (revocation included); changes it authenticates need the app's CSRF header.
/// The cookie is sent by hand (no cookie jar), so each spec says exactly what the browser would send.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SessionCookieSpecs(NodeFixture fixture) : IDisposable
{
    private const string CsrfHeader = "X-Requested-With";

    // No cookie jar: the shared fixture's client must never pick up a session, and each request sends what it says.
    private readonly HttpClient Http = new(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = fixture.Node.Http.BaseAddress };

    public void Dispose() => Http.Dispose();

    private sealed record CookieSession(string UserId, string Email, string Cookie, string SetCookie);

    private async Task<CookieSession> CookieLoginAsync(string? email = null)
    {
        email ??= ApiClient.UniqueEmail("cookie");
        if (!await UserExistsAsync(email))
            Assert.Equal(HttpStatusCode.Created, (await new ApiClient(Http).SignUpAsync(email, ApiClient.Password, "Viewer")).StatusCode);
        var login = await Http.PostAsJsonAsync("/api/sessions", new { email, password = ApiClient.Password, cookie = true });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var setCookie = Assert.Single(login.Headers.GetValues("Set-Cookie"));
        var pair = setCookie.Split(';')[0];
        Assert.StartsWith("mp_session=", pair);
        var body = await login.Content.ReadFromJsonAsync<JsonElement>();
        return new CookieSession(body.GetProperty("userId").GetString()!, email, pair, setCookie);
    }

    private async Task<bool> UserExistsAsync(string email) =>
        (await Http.PostAsJsonAsync("/api/sessions", new { email, password = ApiClient.Password })).StatusCode == HttpStatusCode.OK;

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? cookie, bool csrfHeader = false,
        object? json = null, string? origin = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = json is null ? null : JsonContent.Create(json) };
        if (cookie is not null) request.Headers.Add("Cookie", cookie);
        if (csrfHeader) request.Headers.Add(CsrfHeader, "media-app");
        if (origin is not null) request.Headers.Add("Origin", origin);
        return Http.SendAsync(request);
    }

    [Fact]
    public async Task A_cookie_login_must_set_an_HttpOnly_SameSite_Strict_cookie_and_keep_the_token_out_of_the_body()
    {
        var email = ApiClient.UniqueEmail("cookie");
        Assert.Equal(HttpStatusCode.Created, (await new ApiClient(Http).SignUpAsync(email, ApiClient.Password, "Viewer")).StatusCode);
        var login = await Http.PostAsJsonAsync("/api/sessions", new { email, password = ApiClient.Password, cookie = true });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);

        var attributes = Assert.Single(login.Headers.GetValues("Set-Cookie")).Split(';', StringSplitOptions.TrimEntries)
            .Select(a => a.ToLowerInvariant()).ToList();
        Assert.Contains("httponly", attributes);   // never readable by script
        Assert.Contains("samesite=strict", attributes);
        Assert.Contains("path=/", attributes);
        Assert.DoesNotContain("secure", attributes); // plain http on loopback; over https the cookie is Secure
        Assert.Contains(attributes, a => a.StartsWith("expires="));
        var body = await login.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(body.TryGetProperty("token", out _), $"a cookie login's body must not carry the token: {body}");
        Assert.True(body.TryGetProperty("userId", out _));
    }

    [Fact]
    public async Task The_cookie_alone_must_authenticate_reads_of_the_user_s_own_data()
    {
        var session = await CookieLoginAsync();
        var profile = await SendAsync(HttpMethod.Get, $"/api/users/{session.UserId}", session.Cookie);
        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        Assert.Equal(session.Email, (await profile.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("email").GetString());

        var current = await SendAsync(HttpMethod.Get, "/api/sessions/current", session.Cookie);
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        Assert.Equal(session.UserId, (await current.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("userId").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(HttpMethod.Get, "/api/sessions/current", cookie: null)).StatusCode);
    }

    [Fact]
    public async Task A_tampered_cookie_must_get_401()
    {
        var session = await CookieLoginAsync();
        var value = session.Cookie["mp_session=".Length..];
        var dot = value.IndexOf('.');
        // Another user's id in the claims, the signature left as it was.
        var claims = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(FromBase64Url(value[..dot]))!;
        claims["sub"] = JsonSerializer.SerializeToElement("u-someone-else");
        var forged = ToBase64Url(JsonSerializer.SerializeToUtf8Bytes(claims)) + value[dot..];
        var flipped = value[..^2] + (value[^2] == 'A' ? 'B' : 'A') + value[^1];

        foreach (var cookie in new[] { $"mp_session={forged}", $"mp_session={flipped}", "mp_session=garbage" })
            Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(HttpMethod.Get, $"/api/users/{session.UserId}", cookie)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Get, $"/api/users/{session.UserId}", session.Cookie)).StatusCode);
    }

    [Fact]
    public async Task Signing_out_everywhere_must_refuse_the_cookie_too()
    {
        var session = await CookieLoginAsync();
        var other = await CookieLoginAsync(session.Email); // the same user in a second browser
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Get, $"/api/users/{session.UserId}", other.Cookie)).StatusCode);

        var logout = await SendAsync(HttpMethod.Post, "/api/sessions/logout", session.Cookie, csrfHeader: true);
        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Contains(logout.Headers.GetValues("Set-Cookie"), c => c.StartsWith("mp_session=;") && c.Contains("expires=Thu, 01 Jan 1970"));

        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(HttpMethod.Get, $"/api/users/{session.UserId}", session.Cookie)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(HttpMethod.Get, $"/api/users/{session.UserId}", other.Cookie)).StatusCode);
    }

    [Fact]
    public async Task A_cross_site_change_carrying_the_cookie_must_be_refused_and_change_nothing()
    {
        var session = await CookieLoginAsync();

        // What a form on another site can send: the cookie (were it not SameSite=Strict) without the app's header.
        var forged = await SendAsync(HttpMethod.Post, "/api/sessions/logout", session.Cookie, origin: "https://evil.example");
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Contains(CsrfHeader, (await forged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Forbidden,
            (await SendAsync(HttpMethod.Post, "/api/titles", session.Cookie, json: new { name = "Forged", description = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await SendAsync(HttpMethod.Patch, $"/api/users/{session.UserId}", session.Cookie, json: new { displayName = "Hijacked" })).StatusCode);

        // Nothing happened: still signed in, name unchanged; the app's own request (with the header) goes through.
        var profile = await SendAsync(HttpMethod.Get, $"/api/users/{session.UserId}", session.Cookie);
        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        Assert.Equal("Viewer", (await profile.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("displayName").GetString());
        Assert.Equal(HttpStatusCode.OK,
            (await SendAsync(HttpMethod.Patch, $"/api/users/{session.UserId}", session.Cookie, csrfHeader: true, json: new { displayName = "Renamed" })).StatusCode);
    }

    [Fact]
    public async Task Signing_out_of_this_browser_must_delete_the_cookie_and_leave_other_sessions()
    {
        var session = await CookieLoginAsync();
        var bearer = await new ApiClient(Http).LogInAsync(session.Email, ApiClient.Password);

        var signOut = await SendAsync(HttpMethod.Delete, "/api/sessions/current", session.Cookie, csrfHeader: true);
        Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);
        var cleared = Assert.Single(signOut.Headers.GetValues("Set-Cookie")).ToLowerInvariant();
        Assert.StartsWith("mp_session=;", cleared);
        Assert.Contains("expires=thu, 01 jan 1970", cleared);
        Assert.Contains("httponly", cleared);

        using var api = fixture.Node.ClientWithToken(bearer.Token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/users/{session.UserId}")).StatusCode);
    }

    [Fact]
    public async Task An_authorization_header_must_win_over_the_cookie()
    {
        var session = await CookieLoginAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/users/{session.UserId}");
        request.Headers.Add("Cookie", session.Cookie);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "not-a-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await Http.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task The_cookie_must_not_reach_management_routes()
    {
        var session = await CookieLoginAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(HttpMethod.Get, "/cluster/members", session.Cookie)).StatusCode);
    }

    private static byte[] FromBase64Url(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + (4 - s.Length % 4) % 4, '='));
    }

    private static string ToBase64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
