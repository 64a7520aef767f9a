using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MediaPlatform.Node.Tests.Api.Billing;
using MediaPlatform.Testing;
using MediaPlatform.Testing.Api;
using static MediaPlatform.Node.Tests.Api.Titles.TitleApi;

namespace MediaPlatform.Node.Tests.Api.Titles;

/// <summary>
/// Who may watch: a published title's playlists, segments and subtitles play for its owner, a subscriber, or a buyer
/// who paid; anyone else is refused with the reason (401 signed out, 403 signed in), the poster stays public, and
/// what plays is cached privately. The session cookie works on /media as the bearer token does.
/// </summary>
[Collection(TitlesCollection.Name)]
public sealed class PlaybackEntitlementApiSpecs(TitlesNodeFixture fixture) : IAsyncLifetime
{
    private string _title = "";
    private HttpClient _owner = null!;

    private HttpClient Anonymous => fixture.Node.Http;
    private string Master => $"/media/titles/{_title}/master.m3u8";
    private string Segment => $"/media/titles/{_title}/120p/seg-00001.m4s";

    public async Task InitializeAsync()
    {
        (_, _owner) = await fixture.NewUserAsync();
        _title = Id(await CreateAsync(_owner, "Entitled viewing"));
        await new PlaybackSetup(fixture).PublishAsync(_owner, _title);
        await fixture.Blobs.WriteAsync($"titles/{_title}/hls/poster.jpg", new MemoryStream(PlaybackSetup.Segment[..64]));
    }

    public Task DisposeAsync()
    {
        _owner.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Anonymous_viewers_must_sign_in_to_play_while_the_poster_stays_public()
    {
        foreach (var path in new[] { Master, Segment, $"/media/titles/{_title}/120p/index.m3u8", $"/media/titles/{_title}/subs/en.vtt" })
            await AssertProblemAsync(await Anonymous.GetAsync(path), HttpStatusCode.Unauthorized, "sign in");
        var poster = await Anonymous.GetAsync($"/media/titles/{_title}/poster.jpg");
        Assert.Equal(HttpStatusCode.OK, poster.StatusCode);
        Assert.True(poster.Headers.CacheControl!.Public);
    }

    [Fact]
    public async Task A_signed_in_stranger_must_be_refused_with_the_reason()
    {
        using var stranger = await BillingApiClient.SignUpAsync(fixture.Node, cardNumber: null);
        var refused = await stranger.Http.GetAsync(Segment);
        var problem = await AssertProblemAsync(refused, HttpStatusCode.Forbidden, "no active subscription");
        Assert.Equal("Subscribe or buy this title to watch", problem.GetProperty("title").GetString());
        Assert.False(await CanWatchAsync(stranger.Http));
    }

    [Fact]
    public async Task The_owner_must_play_with_private_caching()
    {
        var master = await _owner.GetAsync(Master);
        Assert.Equal(HttpStatusCode.OK, master.StatusCode);
        Assert.True(master.Headers.CacheControl!.Private);
        Assert.False(master.Headers.CacheControl.Public);
        Assert.Equal(TimeSpan.FromSeconds(10), master.Headers.CacheControl.MaxAge);

        var segment = await _owner.GetAsync(Segment);
        Assert.Equal(HttpStatusCode.OK, segment.StatusCode);
        Assert.True(segment.Headers.CacheControl!.Private);
        Assert.False(segment.Headers.CacheControl.Public);
        Assert.Contains(segment.Headers.CacheControl.Extensions, e => e.Name == "immutable");
        Assert.True(await CanWatchAsync(_owner, "owner"));
    }

    [Fact]
    public async Task A_subscriber_must_play_every_title()
    {
        using var subscriber = await BillingApiClient.SignUpAsync(fixture.Node);
        await AssertProblemAsync(await subscriber.Http.GetAsync(Master), HttpStatusCode.Forbidden, "no active subscription");
        var invoice = await subscriber.SubscribedInvoiceAsync();
        Assert.Equal("Paid", invoice.GetProperty("status").GetString());
        Assert.True(await CanWatchAsync(subscriber.Http, "subscription"));
        // The refusal above may be remembered a moment on this node; the grant follows.
        await Eventually.AwaitAsync(async () => (await subscriber.Http.GetAsync(Master)).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(15), "the subscriber was not let in");
        Assert.Equal(HttpStatusCode.OK, (await subscriber.Http.GetAsync(Segment)).StatusCode);
    }

    [Fact]
    public async Task A_buyer_must_play_the_title_once_the_order_is_paid_and_not_before()
    {
        using var buyer = await BillingApiClient.SignUpAsync(fixture.Node);
        string invoiceId = "";
        await Eventually.AwaitAsync(async () =>
        {
            var order = await buyer.OrderTitleAsync(_title, "order-" + _title);
            if (order.StatusCode != HttpStatusCode.Created) return false; // the catalog may not list the title yet
            invoiceId = (await order.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("invoice").GetProperty("invoiceId").GetString()!;
            return true;
        }, TimeSpan.FromSeconds(20), "the title could not be ordered");

        await AssertProblemAsync(await buyer.Http.GetAsync(Segment), HttpStatusCode.Forbidden, "not paid yet");
        Assert.False(await CanWatchAsync(buyer.Http));

        Assert.Equal(HttpStatusCode.Created, (await buyer.PayAsync(invoiceId, BillingApiClient.NewKey())).StatusCode);
        Assert.True(await CanWatchAsync(buyer.Http, "purchase"));
        await Eventually.AwaitAsync(async () => (await buyer.Http.GetAsync(Segment)).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(15), "the buyer was not let in after paying");

        // Bought is this title only.
        var (_, otherOwner) = await fixture.NewUserAsync();
        var other = Id(await CreateAsync(otherOwner, "Not bought"));
        await new PlaybackSetup(fixture).PublishAsync(otherOwner, other);
        await AssertProblemAsync(await buyer.Http.GetAsync($"/media/titles/{other}/master.m3u8"), HttpStatusCode.Forbidden, "not bought");
    }

    [Fact]
    public async Task The_session_cookie_must_authenticate_media_reads()
    {
        var email = ApiClient.UniqueEmail("cookie-media");
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = Anonymous.BaseAddress };
        Assert.Equal(HttpStatusCode.Created, (await new ApiClient(http).SignUpAsync(email, ApiClient.Password, "Viewer")).StatusCode);
        var login = await http.PostAsJsonAsync("/api/sessions", new { email, password = ApiClient.Password, cookie = true });
        var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie")).Split(';')[0];

        using var request = new HttpRequestMessage(HttpMethod.Get, Master);
        request.Headers.Add("Cookie", cookie);
        // Known by the cookie (403: not entitled), not treated as anonymous (401).
        await AssertProblemAsync(await http.SendAsync(request), HttpStatusCode.Forbidden, "no active subscription");
    }

    /// <summary>What the app's title page asks: may I watch, and by what?</summary>
    private async Task<bool> CanWatchAsync(HttpClient client, string? by = null)
    {
        var response = await client.GetAsync($"/api/titles/{_title}/entitlement");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (by is not null) Assert.Equal(by, body.GetProperty("by").GetString());
        return body.GetProperty("canWatch").GetBoolean();
    }

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string detailPart)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Contains(detailPart, problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        return problem;
    }
}
