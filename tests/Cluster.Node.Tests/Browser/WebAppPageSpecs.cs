using System.Net;
using MediaPlatform.Node.Tests.Api.Security;
using MediaPlatform.Node.Tests.Support;

namespace MediaPlatform.Node.Tests.Browser;

/// <summary>Every node serves the web app (built from web/app) at /app/, and its root leads there.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WebAppPageSpecs(NodeFixture fixture)
{
    private HttpClient Http => fixture.Node.Http;

    [Fact]
    public async Task The_site_root_must_redirect_to_the_app()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Http.BaseAddress };
        var response = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/app/", response.Headers.Location!.IsAbsoluteUri ? response.Headers.Location.PathAndQuery : response.Headers.Location.OriginalString);
    }

    [Fact]
    public async Task The_app_must_be_one_module_script_under_a_policy_of_its_own_scripts_only()
    {
        var response = await Http.GetAsync("/app/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        SecurityHeadersSpecs.AssertCommonHeaders(response);
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", csp);
        Assert.Contains("style-src 'self';", csp);
        Assert.Contains("connect-src 'self';", csp);
        Assert.DoesNotContain("blob:", csp);      // it plays nothing itself: no MediaSource URLs or workers
        Assert.DoesNotContain("unsafe", csp);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<script type=\"module\" src=\"app.js\"></script>", html);
        Assert.DoesNotMatch(@"<script(?![^>]*\bsrc=)[^>]*>", html); // no inline script
        Assert.DoesNotMatch(@"\sstyle=", html);                      // no inline style
    }

    [Theory]
    [InlineData("/app/app.js", "text/javascript")]
    [InlineData("/app/lib/api.js", "text/javascript")]
    [InlineData("/app/pages/account.js", "text/javascript")]
    [InlineData("/app/style.css", "text/css")]
    public async Task The_app_s_files_must_be_served_with_their_type_and_revalidated(string path, string type)
    {
        var response = await Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType!.MediaType);
        Assert.True(response.Headers.CacheControl!.NoCache);
        Assert.NotNull(response.Headers.ETag);
        Assert.Contains("'self'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task No_script_of_the_app_writes_markup_from_strings()
    {
        // Data reaches the page as text only (lib/dom.js); innerHTML/outerHTML/insertAdjacentHTML would let a title name run as markup.
        foreach (var path in new[] { "app.js", "lib/dom.js", "lib/api.js", "lib/titles.js", "pages/home.js", "pages/title.js", "pages/account.js",
                     "pages/account-plan.js", "pages/account-cards.js", "pages/account-invoices.js", "pages/friends.js", "pages/studio.js",
                     "pages/studio-title.js", "pages/signin.js", "pages/signup.js" })
        {
            var script = await Http.GetStringAsync($"/app/{path}");
            Assert.DoesNotMatch(@"innerHTML|outerHTML|insertAdjacentHTML|document\.write", script);
        }
    }
}
