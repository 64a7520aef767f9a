using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using static MediaPlatform.Node.Tests.Api.Titles.TitleApi;

namespace MediaPlatform.Node.Tests.Api.Titles;

/// <summary>
/// /media/titles: a published title's HLS files with the right types, ranges and caching; nothing else. Played by the
/// title's owner (who may always watch it; who else may is in PlaybackEntitlementApiSpecs).
/// </summary>
[Collection(TitlesCollection.Name)]
public sealed class TitlePlaybackApiSpecs(TitlesNodeFixture fixture) : IAsyncLifetime
{
    private string _published = "";
    private HttpClient _owner = null!;
    private HttpClient Anonymous => fixture.Node.Http;
    private HttpClient Viewer => _owner;

    public async Task InitializeAsync()
    {
        (_, _owner) = await fixture.NewUserAsync();
        _published = Id(await CreateAsync(_owner, "Playable"));
        await new PlaybackSetup(fixture).PublishAsync(_owner, _published);
    }

    public Task DisposeAsync()
    {
        _owner.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_master_playlist_must_be_served_as_mpegurl_with_short_caching_and_linked_from_the_title()
    {
        var title = await GetAsync(Viewer, _published);
        var url = title.GetProperty("playbackUrl").GetString();
        Assert.Equal($"/media/titles/{_published}/master.m3u8", url);

        var response = await Viewer.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.apple.mpegurl", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(PlaybackSetup.Master, await response.Content.ReadAsStringAsync());
        Assert.Equal(TimeSpan.FromSeconds(10), response.Headers.CacheControl!.MaxAge);
        Assert.DoesNotContain(response.Headers.CacheControl.Extensions, e => e.Name == "immutable");
        Assert.Contains("bytes", response.Headers.AcceptRanges);
    }

    [Fact]
    public async Task Hls_files_must_carry_the_security_headers()
    {
        var response = await Viewer.GetAsync($"/media/titles/{_published}/master.m3u8");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Security.SecurityHeadersSpecs.AssertCommonHeaders(response);
    }

    [Theory]
    [InlineData("120p/seg-00001.m4s", "video/mp4")]
    [InlineData("120p/init.mp4", "video/mp4")]
    [InlineData("subs/en.vtt", "text/vtt")]
    public async Task Segments_must_be_served_with_their_type_and_cached_as_immutable(string file, string type)
    {
        var response = await Viewer.GetAsync($"/media/titles/{_published}/{file}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(TimeSpan.FromDays(365), response.Headers.CacheControl!.MaxAge);
        Assert.Contains(response.Headers.CacheControl.Extensions, e => e.Name == "immutable");
    }

    [Theory]
    [InlineData("bytes=2-5", 2, 5)]
    [InlineData("bytes=250-", 250, 255)]
    [InlineData("bytes=-6", 250, 255)]
    [InlineData("bytes=100-9999", 100, 255)]
    public async Task A_range_must_answer_206_with_exactly_those_bytes(string range, int first, int last)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/media/titles/{_published}/120p/seg-00001.m4s");
        request.Headers.TryAddWithoutValidation("Range", range);
        var response = await Viewer.SendAsync(request);
        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal(PlaybackSetup.Segment[first..(last + 1)], await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(new ContentRangeHeaderValue(first, last, 256), response.Content.Headers.ContentRange);
        Assert.Equal(last - first + 1, response.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task A_range_past_the_end_must_answer_416_and_a_repeat_with_the_etag_304()
    {
        var url = $"/media/titles/{_published}/120p/seg-00001.m4s";
        using var past = new HttpRequestMessage(HttpMethod.Get, url);
        past.Headers.Range = new RangeHeaderValue(256, null);
        var unsatisfiable = await Viewer.SendAsync(past);
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, unsatisfiable.StatusCode);
        Assert.Equal("bytes */256", unsatisfiable.Content.Headers.GetValues("Content-Range").Single());

        var etag = (await Viewer.GetAsync(url)).Headers.ETag!;
        using var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await Viewer.SendAsync(again)).StatusCode);
    }

    [Fact]
    public async Task Head_must_answer_the_headers_without_the_body()
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, $"/media/titles/{_published}/120p/seg-00001.m4s");
        var response = await Viewer.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(256, response.Content.Headers.ContentLength);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task An_unpublished_title_must_be_404_even_when_its_files_exist()
    {
        var (_, owner) = await fixture.NewUserAsync();
        var id = Id(await CreateAsync(owner, "Not yet"));
        await fixture.Blobs.WriteAsync($"titles/{id}/hls/master.m3u8", new MemoryStream(Encoding.ASCII.GetBytes("#EXTM3U\n")));
        await AssertProblemAsync(await owner.GetAsync($"/media/titles/{id}/master.m3u8"), HttpStatusCode.NotFound, "not published");
        await AssertProblemAsync(await Anonymous.GetAsync("/media/titles/t-no-such-title/master.m3u8"), HttpStatusCode.NotFound, "not published");
    }

    [Theory]
    [InlineData("missing.m3u8")]
    [InlineData("120p/seg-99999.m4s")]
    [InlineData("120p/index.exe")]
    public async Task Unknown_files_of_a_published_title_must_be_404(string file) =>
        Assert.Equal(HttpStatusCode.NotFound, (await Viewer.GetAsync($"/media/titles/{_published}/{file}")).StatusCode);

    [Theory]
    [InlineData("../secret.m3u8")]
    [InlineData("..%2Fsecret.m3u8")]
    [InlineData("%2E%2E/secret.m3u8")]
    [InlineData("%2e%2e%2fsecret.m3u8")]
    [InlineData("120p/../../secret.m3u8")]
    [InlineData("120p/..%2F..%2Fsecret.m3u8")]
    [InlineData("..%5Csecret.m3u8")]
    [InlineData(".incoming/x.m4s")]
    [InlineData("%2Fetc%2Fpasswd")]
    public async Task A_path_that_tries_to_leave_the_package_must_be_refused(string path)
    {
        // A playlist planted next to the package (in the title's folder, outside hls/) must stay out of reach.
        await fixture.Blobs.WriteAsync($"titles/{_published}/secret.m3u8", new MemoryStream(Encoding.ASCII.GetBytes("#EXTM3U SECRET\n")));
        // Sent byte for byte: HttpClient would otherwise resolve dot segments itself before sending.
        var (status, body) = await RawGetAsync($"/media/titles/{_published}/{path}");
        Assert.True(status is 400 or 404, $"expected 400 or 404, got {status}: {body}");
        Assert.DoesNotContain("SECRET", body);
    }

    [Fact]
    public async Task The_planted_file_must_be_readable_from_the_store_so_the_traversal_specs_mean_something()
    {
        await fixture.Blobs.WriteAsync($"titles/{_published}/hls/visible.m3u8", new MemoryStream(Encoding.ASCII.GetBytes("#EXTM3U VISIBLE\n")));
        var (status, body) = await RawGetAsync($"/media/titles/{_published}/visible.m3u8");
        Assert.Equal(200, status);
        Assert.Contains("VISIBLE", body);
    }

    /// <summary>A GET over a raw socket, so the request line is exactly <paramref name="target"/>.</summary>
    private async Task<(int Status, string Body)> RawGetAsync(string target)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", fixture.Node.Options.HttpPort);
        await using var stream = tcp.GetStream();
        var owner = Viewer.DefaultRequestHeaders.Authorization!;
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"GET {target} HTTP/1.1\r\nHost: localhost\r\nAuthorization: {owner.Scheme} {owner.Parameter}\r\nConnection: close\r\n\r\n"));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync();
        var status = int.Parse(response.Split(' ', 3)[1]);
        return (status, response);
    }
}
