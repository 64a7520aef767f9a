using System.Text;
using Akka.Persistence.Query;
using MediaPlatform.Actors.Projections;
using MediaPlatform.Actors.Projections.Catalog;
using MediaPlatform.Actors.Storage;
using MediaPlatform.Actors.Titles;
using MediaPlatform.Streams.Quality.Subtitles;

namespace MediaPlatform.Node.Tests.Projections;

/// <summary>
/// The catalog projection and its search, the same queries on SQLite (FTS5) and PostgreSQL (tsvector + GIN) with the
/// same expected answers: ranking exact title &gt; title words &gt; description &gt; dialogue, cue times, visibility,
/// paging, replaced subtitle tracks, and queries full of FTS syntax that find nothing rather than fail.
/// </summary>
public sealed class CatalogSearchSpecs
{
    private const string Owner = "u-owner";

    [Theory]
    [InlineData(ReadModelDialect.Sqlite)]
    [InlineData(ReadModelDialect.Postgres)]
    public async Task Search_ranks_exact_title_then_title_words_then_description_then_dialogue(ReadModelDialect dialect)
    {
        await using var catalog = await CatalogAsync(dialect);

        var page = await catalog.SearchAsync("storm");

        Assert.Equal(["t-a", "t-b", "t-c", "t-d"], page.Titles.Select(t => t.TitleId));
        Assert.Equal([CatalogMatch.ExactTitle, CatalogMatch.TitleWords, CatalogMatch.Description, CatalogMatch.Dialogue],
            page.Titles.Select(t => t.MatchedIn));
        Assert.Equal(4, page.Total);
        var dialogue = Assert.Single(page.Titles[3].Dialogue);
        Assert.Equal(("en", "00:12:31", 751.5, "The storm is coming!"), (dialogue.Language, dialogue.At, dialogue.StartSeconds, dialogue.Text));
        Assert.Equal(["en"], page.Titles[3].Languages);
        Assert.Equal(["240p", "480p"], page.Titles[3].Rungs);
        Assert.Equal(90.0, page.Titles[3].DurationSeconds);
    }

    [Theory]
    [InlineData(ReadModelDialect.Sqlite)]
    [InlineData(ReadModelDialect.Postgres)]
    public async Task Unpublished_titles_are_found_by_their_owner_and_admins_only(ReadModelDialect dialect)
    {
        await using var catalog = await CatalogAsync(dialect);

        Assert.DoesNotContain("t-e", (await catalog.SearchAsync("storm")).Titles.Select(t => t.TitleId));
        Assert.Equal(["t-a", "t-e", "t-b", "t-c", "t-d"], (await catalog.SearchAsync("storm", viewer: Owner)).Titles.Select(t => t.TitleId));
        Assert.Equal(["t-a", "t-e", "t-b", "t-c", "t-d"], (await catalog.SearchAsync("storm", admin: true)).Titles.Select(t => t.TitleId));
        Assert.DoesNotContain("t-e", (await catalog.SearchAsync("storm", viewer: "u-someone-else")).Titles.Select(t => t.TitleId));
    }

    [Theory]
    [InlineData(ReadModelDialect.Sqlite)]
    [InlineData(ReadModelDialect.Postgres)]
    public async Task Every_word_must_match_and_words_match_whole(ReadModelDialect dialect)
    {
        await using var catalog = await CatalogAsync(dialect);

        var coming = await catalog.SearchAsync("STORM coming");
        var hit = Assert.Single(coming.Titles);
        Assert.Equal(("t-d", "00:12:31"), (hit.TitleId, Assert.Single(hit.Dialogue).At));
        Assert.DoesNotContain("t-f", (await catalog.SearchAsync("storm")).Titles.Select(t => t.TitleId)); // "Stormy" is another word
        Assert.Equal(["t-f"], (await catalog.SearchAsync("stormy")).Titles.Select(t => t.TitleId));
    }

    [Theory]
    [InlineData(ReadModelDialect.Sqlite)]
    [InlineData(ReadModelDialect.Postgres)]
    public async Task Pages_follow_the_ranking(ReadModelDialect dialect)
    {
        await using var catalog = await CatalogAsync(dialect);

        var first = await catalog.SearchAsync("storm", limit: 2);
        var second = await catalog.SearchAsync("storm", limit: 2, offset: 2);
        var beyond = await catalog.SearchAsync("storm", limit: 2, offset: 10);

        Assert.Equal(["t-a", "t-b"], first.Titles.Select(t => t.TitleId));
        Assert.Equal(["t-c", "t-d"], second.Titles.Select(t => t.TitleId));
        Assert.Equal((4L, 4L), (first.Total, second.Total));
        Assert.Empty(beyond.Titles);
    }

    [Theory]
    [InlineData(ReadModelDialect.Sqlite)]
    [InlineData(ReadModelDialect.Postgres)]
    public async Task A_replaced_subtitle_track_is_searched_by_its_new_lines_only(ReadModelDialect dialect)
    {
        await using var catalog = await CatalogAsync(dialect);

        Assert.Empty((await catalog.SearchAsync("whale")).Titles);
        var dolphin = Assert.Single((await catalog.SearchAsync("dolphin")).Titles);
        Assert.Equal(("t-g", "01:02:03"), (dolphin.TitleId, Assert.Single(dolphin.Dialogue).At));
    }

    [Theory]
    [InlineData(ReadModelDialect.Sqlite)]
    [InlineData(ReadModelDialect.Postgres)]
    public async Task Queries_full_of_search_syntax_find_plain_words_or_nothing_and_never_fail(ReadModelDialect dialect)
    {
        await using var catalog = await CatalogAsync(dialect);

        foreach (var query in new[] { "***", "\"", "'", "NEAR(", "storm\" OR \"*", "st*rm", "{name} : x", "'; DROP TABLE catalog_titles; --", "a:b AND", "()" })
            Assert.DoesNotContain("t-b", (await catalog.SearchAsync(query)).Titles.Select(t => t.TitleId));
        Assert.Equal(4, (await catalog.SearchAsync("\"storm\"")).Titles.Count); // quotes are separators: the word remains
        Assert.Equal(4, (await catalog.SearchAsync("storm")).Titles.Count); // and the tables are still there
        Assert.Empty((await catalog.SearchAsync(new string('x', 10_000))).Titles); // too long to be a word
    }

    private static async Task<TestCatalog> CatalogAsync(ReadModelDialect dialect)
    {
        var db = await ReadModelTestDatabase.CreateAsync(dialect);
        var blobs = new DirectoryBlobStore(db.BlobDirectory);
        var projection = new CatalogProjection(blobs);
        var schema = new ReadModelSchema(db.Database, [projection]);
        await schema.EnsureAsync();
        var search = dialect == ReadModelDialect.Sqlite ? (ICatalogSearch)new SqliteCatalogSearch(schema) : new PostgresCatalogSearch(schema);
        var catalog = new TestCatalog(db, search);

        var events = new List<ITitleEvent>();
        events.AddRange(Published("t-a", "Storm", "A quiet film about gardening"));
        events.AddRange(Published("t-b", "The Storm at Sea", "Sailors far from home"));
        events.AddRange(Published("t-c", "Harbour", "A storm gathers over the harbour"));
        events.AddRange(Published("t-d", "Lighthouse", "A keeper alone", probed: true));
        events.Add(await SubtitlesAsync(blobs, "t-d", "en", "u1", "WEBVTT\n\n00:00:05.000 --> 00:00:07.000\nHello\n\n00:12:31.500 --> 00:12:34.000\n<i>The storm</i> is coming!\n"));
        events.Add(new TitleCreated("t-e", Owner, "Storm Draft", "not ready", At));
        events.AddRange(Published("t-f", "Stormy", "weather"));
        events.AddRange(Published("t-g", "Quiet", "nothing to see"));
        events.Add(await SubtitlesAsync(blobs, "t-g", "en", "u2", "WEBVTT\n\n00:10:00.000 --> 00:10:02.000\nA whale!\n"));
        events.Add(await SubtitlesAsync(blobs, "t-g", "en", "u3", "WEBVTT\n\n01:02:03.000 --> 01:02:05.000\nA dolphin!\n"));
        var envelopes = events.Select((e, i) => new EventEnvelope(Offset.Sequence(i + 1), TitleEntity.PersistenceIdPrefix + TitleIdOf(e), i + 1, e,
            At.ToUnixTimeMilliseconds(), [TitleEventTagger.Tag])).ToList();
        foreach (var batch in envelopes.Chunk(4)) await ProjectionRunner.ApplyBatchAsync(projection, db.Database, batch);
        return catalog;
    }

    private static readonly DateTimeOffset At = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private static IEnumerable<ITitleEvent> Published(string id, string name, string description, bool probed = false)
    {
        yield return new TitleCreated(id, "u-studio", name, description, At);
        if (probed)
            yield return new TitleProbed(id, new StoredProbe("mp4", TimeSpan.FromSeconds(90), 320, 240, 320, 240, 0, 25, false, "h264", "yuv420p",
                1000, TimeSpan.Zero, 2250, 10, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(90), null, false, null, 0, 0, TimeSpan.Zero),
                [Rung("240p"), Rung("480p")], At);
        yield return new TitlePublished(id, At);
    }

    private static StoredRung Rung(string name) => new(name, 320, 240, 400, 600, 800, "main", "3.1", "h264", "avc1.4d401f");

    private static async Task<ITitleEvent> SubtitlesAsync(IBlobStore blobs, string titleId, string language, string uploadId, string vtt)
    {
        var key = TitleBlobKeys.Subtitles(titleId, language, uploadId, SubtitleFormat.WebVtt);
        var info = await blobs.WriteAsync(key, new MemoryStream(Encoding.UTF8.GetBytes(vtt)));
        return new TitleSubtitlesAttached(titleId, language, uploadId, StoredSubtitleFormat.WebVtt, key, info.Length, At);
    }

    private static string TitleIdOf(ITitleEvent e) => (string)e.GetType().GetProperty("TitleId")!.GetValue(e)!;

    private sealed class TestCatalog(ReadModelTestDatabase db, ICatalogSearch search) : IAsyncDisposable
    {
        public Task<CatalogSearchPage> SearchAsync(string q, string? viewer = null, bool admin = false, int limit = 20, int offset = 0) =>
            search.SearchAsync(CatalogSearchQuery.For(q, viewer, admin, limit, offset), CancellationToken.None);

        public ValueTask DisposeAsync() => db.DisposeAsync();
    }
}
