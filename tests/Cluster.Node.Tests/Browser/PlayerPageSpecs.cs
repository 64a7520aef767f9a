using System.Net;
using MediaPlatform.Node.Tests.Support;

namespace MediaPlatform.Node.Tests.Browser;

/// <summary>Every node serves the player page and its scripts (built from web/player) as static files.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PlayerPageSpecs(NodeFixture fixture)
{
    private HttpClient Http => fixture.Node.Http;

    [Fact]
    public async Task The_player_page_must_be_served_as_html_at_player()
    {
        var response = await Http.GetAsync("/player/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<video", html);
        Assert.Contains("hls.min.js", html);
        Assert.Contains("player.js", html);
    }

    [Fact]
    public async Task The_player_address_without_a_slash_must_redirect_to_the_page()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Http.BaseAddress };
        var response = await client.GetAsync("/player?title=t-1");
        Assert.True(response.StatusCode is HttpStatusCode.MovedPermanently or HttpStatusCode.Redirect, $"got {(int)response.StatusCode}");
        var location = response.Headers.Location!;
        Assert.Equal("/player/?title=t-1", location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString);
    }

    [Theory]
    [InlineData("/player/hls.min.js", "text/javascript")]
    [InlineData("/player/player.js", "text/javascript")]
    [InlineData("/player/history.js", "text/javascript")]
    [InlineData("/player/style.css", "text/css")]
    public async Task The_page_s_files_must_be_served_with_their_type_and_revalidated(string path, string type)
    {
        var response = await Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType!.MediaType);
        Assert.True(response.Headers.CacheControl!.NoCache);
        Assert.NotNull(response.Headers.ETag);
        Assert.True(response.Content.Headers.ContentLength > 0);
    }

    [Fact]
    public async Task The_bundled_hls_js_must_be_the_player_library()
    {
        var script = await Http.GetStringAsync("/player/hls.min.js");
        Assert.True(script.Length > 100_000, $"hls.min.js is only {script.Length} characters");
        Assert.Contains("MANIFEST_PARSED", script);
    }

    [Fact]
    public async Task A_file_the_page_does_not_have_must_be_404_and_the_api_must_still_answer()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync("/player/nothing-here.js")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync("/api/titles")).StatusCode);
    }
}
