using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Akka.Hosting;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Projections;
using MediaPlatform.Actors.WatchHistory;
using Microsoft.Extensions.DependencyInjection;
using MediaPlatform.Node.Hosting;
using MediaPlatform.Node.Tests.Projections;
using MediaPlatform.Node.Tests.Support;
using MediaPlatform.Testing.Api;
using static MediaPlatform.Node.Tests.Support.ProblemAnswers;

namespace MediaPlatform.Node.Tests.Api.WatchHistory;

/// <summary>
/// GET /api/titles/{id}/daily-views from the views projection, on SQLite and on PostgreSQL with the same answers: new
/// views reported through the API on a node whose clock the spec moves land on the UTC day they began, reports that are
/// not new views add nothing, and a rebuild of the projection gives the same counts (a double count would not). The
/// watch history snapshots every 3 events here, so the rebuild also shows that a snapshot does not take the view
/// events it covers out of the journal.
/// </summary>
public sealed class DailyViewsApiSpecs
{
    private static readonly DateTimeOffset Start = new(2026, 5, 20, 20, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private const string Hocon = """
        media-platform.entities.snapshot-every = 3
        akka.persistence.query.journal.sql.refresh-interval = 200ms
        akka.persistence.query.journal.sql.journal-sequence-retrieval.query-delay = 200ms
        """;

    [Theory]
    [InlineData(ReadModelDialect.Sqlite)]
    [InlineData(ReadModelDialect.Postgres)]
    public async Task New_views_count_once_on_the_UTC_day_they_began_and_a_rebuild_gives_the_same_counts(ReadModelDialect dialect)
    {
        await using var db = await ReadModelTestDatabase.CreateAsync(dialect);
        var clock = new ManualClock(Start);
        await using var node = await db.StartNodeAsync(clock, Hocon);
        using var admin = node.ClientWithToken(TestNode.AdminToken);
        var user = await node.Api.NewUserAsync("views", "Viewer");
        using var viewer = node.ClientWithToken(user.Token);
        var titles = ActorRegistry.For(node.System).Get<EntityRegions.Titles>();
        var film = await PublishedTitles.CreateAsync(viewer, titles, "Counted film");
        var other = await PublishedTitles.CreateAsync(viewer, titles, "Other film");
        var unwatched = await PublishedTitles.CreateAsync(viewer, titles, "Nobody's film");

        async Task<bool> ReportAsync(string titleId, double position, string kind)
        {
            var response = await viewer.PutAsJsonAsync($"/api/users/{user.UserId}/watch-history/{titleId}", new { positionSeconds = position, @event = kind });
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, text);
            return JsonDocument.Parse(text).RootElement.GetProperty("newView").GetBoolean();
        }

        // 20 May, 20:00: a view of each film; a pause, a start again within new-view-after (1 h) and the end are not views.
        Assert.True(await ReportAsync(film, 0, "started"));
        Assert.False(await ReportAsync(film, 1.0, "paused"));
        Assert.False(await ReportAsync(film, 0, "started"));
        Assert.False(await ReportAsync(film, 1.5, "playing"));
        Assert.False(await ReportAsync(film, 2.0, "ended"));
        Assert.True(await ReportAsync(other, 0, "started"));
        // 21:30, more than an hour on: a new view the same day.
        clock.Set(Start.AddMinutes(90));
        Assert.True(await ReportAsync(film, 0, "started"));
        Assert.False(await ReportAsync(film, 1.0, "paused"));
        // 21 May, 00:30 UTC: a new view the next day.
        clock.Set(new DateTimeOffset(2026, 5, 21, 0, 30, 0, TimeSpan.Zero));
        Assert.True(await ReportAsync(film, 0, "started"));
        Assert.False(await ReportAsync(film, 0.5, "playing"));

        const string expectedFilm = "3: 2026-05-21=1 2026-05-20=2";
        const string expectedOther = "1: 2026-05-20=1";
        var answers = new Dictionary<string, string>();
        await Eventually.AwaitAssertAsync(async () =>
        {
            var filmViews = await DailyViewsAsync(viewer, film);
            Assert.Equal(expectedFilm, Counts(filmViews));
            Assert.Equal(film, filmViews.GetProperty("titleId").GetString());
            var otherViews = await DailyViewsAsync(viewer, other);
            Assert.Equal(expectedOther, Counts(otherViews));
            answers[film] = filmViews.GetRawText();
            answers[other] = otherViews.GetRawText();
        }, Patience);
        Assert.Equal("0:", Counts(await DailyViewsAsync(viewer, unwatched)));
        // Only the four starts were tagged, not the progress events stored beside them: the tag table grows with views only.
        await using (var session = await node.Services.GetRequiredService<ReadModelDatabase>().OpenAsync())
            Assert.Equal(4L, Convert.ToInt64(await session.ScalarAsync("SELECT COUNT(*) FROM tags WHERE tag = @tag", CancellationToken.None,
                ("tag", WatchHistoryEventTagger.Tag))));
        // Anyone who may see the title may read its counts; an unknown title is a 404, a bad id a 400.
        Assert.Equal(answers[film], (await DailyViewsAsync(node.Http, film)).GetRawText());
        await AssertProblemAsync(await viewer.GetAsync("/api/titles/t-nope/daily-views"), HttpStatusCode.NotFound);
        await AssertProblemAsync(await viewer.GetAsync("/api/titles/bad%20id/daily-views"), HttpStatusCode.BadRequest);

        // Rebuild from offset 0: once it has applied the whole tag again, the same counts, not twice the numbers.
        var rebuiltAfter = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync("/cluster/projections/views/rebuild", null)).StatusCode);
        await Eventually.AwaitAssertAsync(async () =>
        {
            var listed = JsonDocument.Parse(await admin.GetStringAsync("/cluster/projections")).RootElement;
            var views = listed.GetProperty("projections").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "views");
            Assert.Equal("watch", views.GetProperty("tag").GetString());
            Assert.True(views.GetProperty("updatedAt").ValueKind == JsonValueKind.String
                && views.GetProperty("updatedAt").GetDateTimeOffset() >= rebuiltAfter, $"waiting for the rebuild to store its offset: {views}");
            Assert.Equal(0, views.GetProperty("eventsBehind").GetInt64());
        }, Patience);
        Assert.Equal(answers[film], (await DailyViewsAsync(viewer, film)).GetRawText());
        Assert.Equal(answers[other], (await DailyViewsAsync(viewer, other)).GetRawText());
    }

    private static async Task<JsonElement> DailyViewsAsync(HttpClient client, string titleId)
    {
        var response = await client.GetAsync($"/api/titles/{titleId}/daily-views");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{titleId}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>"total: day=views …", newest day first, as the answer lists them.</summary>
    private static string Counts(JsonElement answer) =>
        $"{answer.GetProperty("total").GetInt64()}:" + string.Concat(answer.GetProperty("days").EnumerateArray()
            .Select(d => $" {d.GetProperty("day").GetString()}={d.GetProperty("views").GetInt64()}"));
}
