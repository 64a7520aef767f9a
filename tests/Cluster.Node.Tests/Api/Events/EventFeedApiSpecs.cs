using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using MediaPlatform.Node.Tests.Api.Billing;
using MediaPlatform.Node.Tests.Api.Titles;
using MediaPlatform.Node.Tests.Support;
using MediaPlatform.Testing.Api;

namespace MediaPlatform.Node.Tests.Api.Events;

/// <summary>
/// GET /api/events on a real node: paging a tag from an offset and resuming from next sees every event once, in order;
/// billing events never show a card token; bad input is a 400 (or an empty page past the end); the server-sent
/// follow delivers a new title's event with its offset as the id, and a reconnect with Last-Event-ID resumes after it.
/// </summary>
public sealed class EventFeedApiSpecs(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private HttpClient Admin => fixture.Node.ClientWithToken(TestNode.AdminToken);

    [Fact]
    public async Task Paging_the_title_feed_from_next_yields_every_event_once_in_order()
    {
        using var admin = Admin;
        var owner = await OwnerAsync();
        var ids = new List<string>();
        for (var i = 0; i < 3; i++) ids.Add(TitleApi.Id(await TitleApi.CreateAsync(owner, $"Feed {i} {Guid.NewGuid():N}")));

        var paged = new List<JsonElement>();
        await Eventually.AwaitAssertAsync(async () =>
        {
            paged = await ReadAllAsync(admin, "title", limit: 2);
            Assert.Equal(ids, CreatedTitleIds(paged).Where(ids.Contains));
        }, Patience);

        var offsets = paged.Select(e => e.GetProperty("offset").GetInt64()).ToList();
        Assert.Equal(offsets.Order(), offsets);
        Assert.Equal(offsets.Count, offsets.Distinct().Count());
        var whole = await PageAsync(admin, "/api/events?tag=title&limit=1000");
        Assert.Equal(offsets, whole.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("offset").GetInt64()).Take(offsets.Count));
        var created = paged.First(e => e.GetProperty("data").GetProperty("titleId").GetString() == ids[0]);
        Assert.Equal(("title-" + ids[0], 1L), (created.GetProperty("persistenceId").GetString(), created.GetProperty("sequenceNr").GetInt64()));
        Assert.True(created.GetProperty("timestamp").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddHours(-1));
    }

    [Fact]
    public async Task Billing_events_in_the_feed_carry_no_card_token_or_number()
    {
        using var admin = Admin;
        using var payer = await BillingApiClient.SignUpAsync(fixture.Node);
        await payer.SubscribedInvoiceAsync("basic");
        var pid = "billing-" + payer.UserId;

        var mine = new List<JsonElement>();
        await Eventually.AwaitAssertAsync(async () =>
        {
            mine = (await ReadAllAsync(admin, "billing", limit: 1000)).Where(e => e.GetProperty("persistenceId").GetString() == pid).ToList();
            Assert.Contains(mine, e => e.GetProperty("type").GetString() == "billing.payment-succeeded.v1");
        }, Patience);

        var started = Assert.Single(mine, e => e.GetProperty("type").GetString() == "billing.payment-started.v1");
        Assert.Equal("[redacted]", started.GetProperty("data").GetProperty("cardToken").GetString());
        Assert.Equal("4242", started.GetProperty("data").GetProperty("cardLast4").GetString());
        Assert.Equal("[redacted]", started.GetProperty("data").GetProperty("gatewayKey").GetString());
        var cardSet = Assert.Single(mine, e => e.GetProperty("type").GetString() == "billing.card-set.v1");
        Assert.Equal("[redacted]", cardSet.GetProperty("data").GetProperty("card").GetProperty("token").GetString());
        var text = string.Join('\n', mine.Select(e => e.GetRawText()));
        Assert.DoesNotContain(BillingApiClient.ApprovingCard, text);
        Assert.DoesNotContain("tok_", text);
    }

    [Fact]
    public async Task Bad_feed_requests_are_400s_and_past_the_end_is_an_empty_page()
    {
        using var admin = Admin;
        foreach (var query in new[] { "", "?tag=users", "?tag=TITLE", "?tag=title&after=-1", "?tag=title&after=abc", "?tag=title&after=1.5",
                     "?tag=title&after=99999999999999999999", "?tag=title&limit=0", "?tag=title&limit=1001", "?tag=title&limit=x" })
        {
            var response = await admin.GetAsync($"/api/events{query}");
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{query}: {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        using var sse = new HttpRequestMessage(HttpMethod.Get, "/api/events?tag=nope");
        sse.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.SendAsync(sse)).StatusCode);

        var beyond = await PageAsync(admin, "/api/events?tag=image&after=9000000000");
        Assert.Equal(0, beyond.GetProperty("events").GetArrayLength());
        Assert.Equal(9000000000, beyond.GetProperty("next").GetInt64());

        var (_, user) = await NewUserAsync();
        using (user)
            Assert.Equal(HttpStatusCode.Forbidden, (await user.GetAsync("/api/events?tag=title")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Node.Http.GetAsync("/api/events?tag=title")).StatusCode);
    }

    [Fact]
    public async Task The_live_follow_delivers_a_new_titles_event_and_resumes_after_the_last_event_id()
    {
        using var admin = Admin;
        var owner = await OwnerAsync();
        var end = (await ReadAllAsync(admin, "title", limit: 1000)).Select(e => e.GetProperty("offset").GetInt64()).DefaultIfEmpty(0).Max();

        using var timeout = new CancellationTokenSource(Patience);
        long seenId;
        using (var follow = await FollowAsync(admin, $"/api/events?tag=title&after={end}", null, timeout.Token))
        {
            var first = TitleApi.Id(await TitleApi.CreateAsync(owner, $"Live {Guid.NewGuid():N}"));
            (seenId, var data) = await NextEventAsync(follow, timeout.Token);
            Assert.True(seenId > end, $"id {seenId} after {end}");
            Assert.Equal(first, data.GetProperty("data").GetProperty("titleId").GetString());
        }

        // Reconnect as an EventSource does: Last-Event-ID wins over after, and the stream resumes after it.
        var second = TitleApi.Id(await TitleApi.CreateAsync(owner, $"Live again {Guid.NewGuid():N}"));
        using var resumed = await FollowAsync(admin, "/api/events?tag=title&after=0", seenId, timeout.Token);
        var (nextId, next) = await NextEventAsync(resumed, timeout.Token);
        Assert.True(nextId > seenId);
        Assert.Equal(second, next.GetProperty("data").GetProperty("titleId").GetString());
    }

    private async Task<HttpClient> OwnerAsync() => (await NewUserAsync()).Client;

    private async Task<(string UserId, HttpClient Client)> NewUserAsync()
    {
        var user = await new ApiClient(fixture.Node.Http).NewUserAsync("feed", "Feeder");
        return (user.UserId, fixture.Node.ClientWithToken(user.Token));
    }

    /// <summary>Every event of the tag, page by page, each page asked after the previous page's next.</summary>
    private static async Task<List<JsonElement>> ReadAllAsync(HttpClient admin, string tag, int limit)
    {
        var events = new List<JsonElement>();
        for (long after = 0; ;)
        {
            var page = await PageAsync(admin, $"/api/events?tag={tag}&after={after}&limit={limit}");
            var batch = page.GetProperty("events").EnumerateArray().ToList();
            Assert.True(batch.Count <= limit);
            if (batch.Count == 0)
            {
                Assert.Equal(after, page.GetProperty("next").GetInt64());
                return events;
            }
            events.AddRange(batch);
            after = page.GetProperty("next").GetInt64();
            Assert.Equal(batch[^1].GetProperty("offset").GetInt64(), after);
        }
    }

    private static IEnumerable<string> CreatedTitleIds(IEnumerable<JsonElement> events) =>
        events.Where(e => e.GetProperty("type").GetString() == "title.created.v1")
            .Select(e => e.GetProperty("data").GetProperty("titleId").GetString()!);

    private static async Task<JsonElement> PageAsync(HttpClient admin, string path)
    {
        var response = await admin.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<StreamReader> FollowAsync(HttpClient admin, string path, long? lastEventId, CancellationToken ct)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (lastEventId is { } id) request.Headers.Add("Last-Event-ID", id.ToString());
        var response = await admin.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return new StreamReader(await response.Content.ReadAsStreamAsync(ct));
    }

    /// <summary>The next event of the stream (comments skipped): its id and its JSON.</summary>
    private static async Task<(long Id, JsonElement Event)> NextEventAsync(StreamReader stream, CancellationToken ct)
    {
        long? id = null;
        while (await stream.ReadLineAsync(ct) is { } line)
        {
            if (line.StartsWith("id: ", StringComparison.Ordinal)) id = long.Parse(line[4..]);
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                var json = JsonDocument.Parse(line[6..]).RootElement.Clone();
                Assert.Equal(id, json.GetProperty("offset").GetInt64());
                return (id!.Value, json);
            }
        }
        throw new InvalidOperationException("the event stream ended");
    }
}
