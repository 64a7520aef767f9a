using System.Net;
using System.Net.Http.Json;
using MediaPlatform.Node.Tests.Browser;
using MediaPlatform.Node.Tests.Support;

namespace MediaPlatform.Node.Tests.Api.Security;

/// <summary>
/// Every answer carries the headers that stop MIME sniffing, referrer leaks and framing (clickjacking); pages get a
/// content security policy that allows only the node's own scripts and styles, and blob: for hls.js' media and workers.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SecurityHeadersSpecs(NodeFixture fixture)
{
    private HttpClient Http => fixture.Node.Http;

    public static TheoryData<string, HttpStatusCode, string> Answers => new()
    {
        { "/api/titles", HttpStatusCode.OK, "'none'" },
        { "/health/live", HttpStatusCode.OK, "'none'" },
        { "/no/such/route", HttpStatusCode.NotFound, "'none'" },
        { "/api/users/me", HttpStatusCode.Unauthorized, "'none'" },
        { "/player/player.js", HttpStatusCode.OK, "'self'" },
        { "/ops/", HttpStatusCode.OK, "'self'" }, // the ops page is public; its data calls need the admin token
        { "/ops/ops.js", HttpStatusCode.OK, "'self'" },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task Every_answer_must_forbid_sniffing_referrers_and_framing(string path, HttpStatusCode status, string defaultSource)
    {
        var response = await Http.GetAsync(path);
        Assert.Equal(status, response.StatusCode);
        AssertCommonHeaders(response);
        Assert.Equal(defaultSource, Directives(Csp(response))["default-src"]);
    }

    [Fact]
    public async Task A_problem_details_answer_to_a_malformed_body_must_carry_them_too()
    {
        using var body = new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json");
        var response = await Http.PostAsync("/api/users", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        AssertCommonHeaders(response);
    }

    [Fact]
    public async Task The_player_page_must_allow_only_its_own_scripts_and_blob_media()
    {
        var response = await Http.GetAsync("/player/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertCommonHeaders(response);
        var csp = Directives(Csp(response));
        Assert.Equal("'self'", csp["script-src"]);
        Assert.Equal("'self'", csp["style-src"]);
        Assert.Equal("'self' blob: data:", csp["media-src"]); // data: for the empty source of hls.js's subtitle tracks
        Assert.Equal("'self' blob:", csp["worker-src"]);
        Assert.Equal("'self'", csp["connect-src"]);
        Assert.Equal("'none'", csp["object-src"]);
        // No inline script in the page: the CSP forbids it, so there must be nothing the page relies on.
        Assert.DoesNotMatch(@"<script(?![^>]*\bsrc=)[^>]*>", await response.Content.ReadAsStringAsync());
    }

    internal static void AssertCommonHeaders(HttpResponseMessage response)
    {
        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Single(response, "Referrer-Policy"));
        Assert.Equal("DENY", Single(response, "X-Frame-Options"));
        Assert.Equal("'none'", Directives(Csp(response))["frame-ancestors"]);
    }

    private static string Csp(HttpResponseMessage response) => Single(response, "Content-Security-Policy");

    private static string Single(HttpResponseMessage response, string header) =>
        response.Headers.TryGetValues(header, out var values) ? Assert.Single(values)
        : throw new Xunit.Sdk.XunitException($"{(int)response.StatusCode} {response.RequestMessage!.RequestUri!.PathAndQuery} has no {header}");

    private static Dictionary<string, string> Directives(string csp) =>
        csp.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(d => d.Split(' ', 2))
            .ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "");
}
