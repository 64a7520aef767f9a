using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MediaPlatform.Node.Tests.Api.Titles;
using MediaPlatform.Testing;
using MediaPlatform.Testing.Api;
using static MediaPlatform.Node.Tests.Support.ProblemAnswers;

namespace MediaPlatform.Node.Tests.Api.WatchHistory;

/// <summary>
/// Watch history through the real host: the player's reports build continue-watching (most recent first, finished
/// titles gone, removable), only the user themself reports and only for a title they may watch; bad input is a 400;
/// a start is a view that trending and the durable daily count show.
/// </summary>
[Collection(TitlesCollection.Name)]
public sealed class WatchHistoryApiSpecs(TitlesNodeFixture fixture)
{
    // The published titles of these specs are 2 s long (PublishedTitles.Probe).
    private static Task<HttpResponseMessage> ReportAsync(HttpClient client, string userId, string titleId, object body) =>
        client.PutAsJsonAsync($"/api/users/{userId}/watch-history/{titleId}", body);

    private static async Task<JsonElement> ContinueAsync(HttpClient client, string userId)
    {
        var response = await client.GetAsync($"/api/users/{userId}/continue-watching");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("titles");
    }

    private async Task<(string UserId, HttpClient Client, string TitleId)> ViewerWithTitleAsync(string name)
    {
        var (userId, client) = await fixture.NewUserAsync();
        return (userId, client, await PublishedTitles.CreateAsync(client, fixture.Titles, name));
    }

    [Fact]
    public async Task Reports_must_build_continue_watching_most_recent_first_without_finished_titles()
    {
        var (userId, client, first) = await ViewerWithTitleAsync("First film");
        var second = await PublishedTitles.CreateAsync(client, fixture.Titles, "Second film");
        var third = await PublishedTitles.CreateAsync(client, fixture.Titles, "Third film");

        var started = await ReportAsync(client, userId, first, new { positionSeconds = 0.5, @event = "started", rung = "120p" });
        var answer = JsonDocument.Parse(await started.Content.ReadAsStringAsync()).RootElement;
        Assert.True(started.StatusCode == HttpStatusCode.OK, answer.ToString());
        Assert.True(answer.GetProperty("stored").GetBoolean());
        Assert.True(answer.GetProperty("newView").GetBoolean());
        Assert.Equal(5, answer.GetProperty("reportIntervalSeconds").GetDouble());
        Assert.Equal(HttpStatusCode.OK, (await ReportAsync(client, userId, second, new { positionSeconds = 1.0, @event = "paused" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ReportAsync(client, userId, third, new { positionSeconds = 1.99, @event = "ended" })).StatusCode);

        var titles = await ContinueAsync(client, userId);
        Assert.Equal([second, first], titles.EnumerateArray().Select(t => t.GetProperty("titleId").GetString()));
        var latest = titles[0];
        Assert.Equal("Second film", latest.GetProperty("titleName").GetString());
        Assert.Equal(1.0, latest.GetProperty("positionSeconds").GetDouble());
        // The node's duration (from the probe), not one the player might claim.
        Assert.Equal(2.0, latest.GetProperty("durationSeconds").GetDouble());
        Assert.Equal(50, latest.GetProperty("percent").GetDouble());
        Assert.Equal("120p", titles[1].GetProperty("rung").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/users/{userId}/watch-history/{second}")).StatusCode);
        Assert.Equal([first], (await ContinueAsync(client, userId)).EnumerateArray().Select(t => t.GetProperty("titleId").GetString()));
        await AssertProblemAsync(await client.DeleteAsync($"/api/users/{userId}/watch-history/{second}"), HttpStatusCode.NotFound, "not in the watch history");
    }

    [Fact]
    public async Task Another_users_history_must_be_refused_and_a_title_they_may_not_watch_must_not_be_reported()
    {
        var (userId, client, titleId) = await ViewerWithTitleAsync("Private viewing");
        var (otherId, other) = await fixture.NewUserAsync();

        await AssertProblemAsync(await other.GetAsync($"/api/users/{userId}/continue-watching"), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await ReportAsync(other, userId, titleId, new { positionSeconds = 1 }), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await other.DeleteAsync($"/api/users/{userId}/watch-history/{titleId}"), HttpStatusCode.Forbidden);
        // Signed out: 401.
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Node.Http.GetAsync($"/api/users/{userId}/continue-watching")).StatusCode);
        // Their own report of a title they have not paid for: refused as playback is, and nothing is kept.
        await AssertProblemAsync(await ReportAsync(other, otherId, titleId, new { positionSeconds = 1 }), HttpStatusCode.Forbidden, "no active subscription");
        // A title that does not exist, or one that is not published and not theirs: 404.
        await AssertProblemAsync(await ReportAsync(other, otherId, "t-nope", new { positionSeconds = 1 }), HttpStatusCode.NotFound);
        var unpublished = await PublishedTitles.CreatedAsync(client, "Not yet");
        await AssertProblemAsync(await ReportAsync(other, otherId, unpublished, new { positionSeconds = 1, durationSeconds = 60 }), HttpStatusCode.NotFound);
        Assert.Equal(0, (await ContinueAsync(other, otherId)).GetArrayLength());
    }

    [Theory]
    [InlineData("""{"positionSeconds":-1}""", "positionSeconds")]
    [InlineData("""{"positionSeconds":9}""", "past the title's end")]
    [InlineData("""{}""", "positionSeconds is needed")]
    [InlineData("""{"positionSeconds":"soon"}""", "")]
    [InlineData("""{"positionSeconds":1,"event":"rewound"}""", "event must be")]
    [InlineData("""{"positionSeconds":1,"durationSeconds":0}""", "durationSeconds")]
    [InlineData("""{"positionSeconds":1,"rung":"<b>"}""", "rung")]
    [InlineData("""{"positionSeconds":1,"extra":true}""", "")]
    public async Task Bad_reports_must_be_refused_with_a_400(string body, string detail)
    {
        var (userId, client, titleId) = await ViewerWithTitleAsync("Bad input");
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        await AssertProblemAsync(await client.PutAsync($"/api/users/{userId}/watch-history/{titleId}", content), HttpStatusCode.BadRequest, detail);
        await AssertProblemAsync(await client.PutAsync($"/api/users/{userId}/watch-history/bad%20id",
            new StringContent("""{"positionSeconds":1}""", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest, "not a valid id");
    }

    [Fact]
    public async Task A_started_view_must_show_in_trending_and_in_the_durable_daily_count()
    {
        var (userId, client, titleId) = await ViewerWithTitleAsync("Trending now");
        Assert.Equal(HttpStatusCode.OK, (await ReportAsync(client, userId, titleId, new { positionSeconds = 0, @event = "started" })).StatusCode);
        // A second start soon after is the same view.
        var again = await ReportAsync(client, userId, titleId, new { positionSeconds = 0, @event = "started" });
        Assert.False(JsonDocument.Parse(await again.Content.ReadAsStringAsync()).RootElement.GetProperty("newView").GetBoolean());

        foreach (var window in new[] { "hour", "day" })
        {
            var trending = JsonDocument.Parse(await client.GetStringAsync($"/api/titles/trending?window={window}&limit=50")).RootElement;
            Assert.Equal(window, trending.GetProperty("window").GetString());
            var entry = trending.GetProperty("titles").EnumerateArray().Single(t => t.GetProperty("titleId").GetString() == titleId);
            Assert.Equal(1, entry.GetProperty("views").GetInt64());
            Assert.Equal("Trending now", entry.GetProperty("name").GetString());
        }

        await Eventually.AwaitAssertAsync(async () =>
        {
            var daily = JsonDocument.Parse(await client.GetStringAsync($"/api/titles/{titleId}/daily-views")).RootElement;
            Assert.Equal(1, daily.GetProperty("total").GetInt64());
            Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd"), daily.GetProperty("days")[0].GetProperty("day").GetString());
        }, TimeSpan.FromSeconds(20));

        await AssertProblemAsync(await client.GetAsync("/api/titles/trending?window=week"), HttpStatusCode.BadRequest, "hour or day");
        await AssertProblemAsync(await client.GetAsync("/api/titles/trending?limit=0"), HttpStatusCode.BadRequest, "limit");
    }

    [Fact]
    public async Task Trending_must_leave_out_titles_the_caller_may_not_see()
    {
        var (ownerId, owner) = await fixture.NewUserAsync();
        var hidden = await PublishedTitles.CreatedAsync(owner, "Owner's draft");
        // The owner may watch their own title while it is not published (early playback): that view counts.
        var report = await ReportAsync(owner, ownerId, hidden, new { positionSeconds = 0, durationSeconds = 60, @event = "started" });
        Assert.True(report.StatusCode == HttpStatusCode.OK, await report.Content.ReadAsStringAsync());

        bool Lists(JsonElement trending) => trending.GetProperty("titles").EnumerateArray().Any(t => t.GetProperty("titleId").GetString() == hidden);
        Assert.True(Lists(JsonDocument.Parse(await owner.GetStringAsync("/api/titles/trending?limit=50")).RootElement));
        Assert.False(Lists(JsonDocument.Parse(await fixture.Node.Http.GetStringAsync("/api/titles/trending?limit=50")).RootElement));
    }
}
