using System.Text;
using Akka.Persistence.Query;
using MediaPlatform.Actors.Projections;
using MediaPlatform.Actors.Projections.Catalog;
using MediaPlatform.Actors.Projections.Semantic;
using MediaPlatform.Actors.Storage;
using MediaPlatform.Actors.Titles;
using MediaPlatform.Streams.Quality.Subtitles;

namespace MediaPlatform.Node.Tests.Projections;

/// <summary>
/// Search by meaning over the catalog and semantic projections, on SQLite and PostgreSQL with the same answers: queries
/// that share no word with the title they should find (so text mode finds something else or nothing), a dialogue hit
/// with its cue time, hybrid fusion of both signals, visibility (applied before the best are kept), total, the bound
/// on vectors held, and the index following a replaced subtitle track.
/// The model is the process's one instance (<see cref="MiniLmEmbedder.Shared"/>): loaded once for every spec here.
/// </summary>
public sealed class SemanticSearchSpecs
{
    private const string Owner = "u-owner";
    private const string StormAtSea = "films about a storm at sea";
    private const string KitchenFire = "a blaze breaks out while cooking";

    [Theory]
    [InlineData(ReadModelDialect.Sqlite)]
    [InlineData(ReadModelDialect.Postgres)]
    public async Task A_query_finds_the_title_whose_description_means_it_without_sharing_a_word(ReadModelDialect dialect)
    {
        await using var catalog = await CatalogAsync(dialect);

        var semantic = await catalog.SearchAsync(StormAtSea, SearchMode.Semantic);
        var hybrid = await catalog.SearchAsync(StormAtSea, SearchMode.Hybrid);
        var text = await catalog.SearchAsync(StormAtSea, SearchMode.Text);

        var top = semantic.Titles[0];
        Assert.Equal("t-storm", top.TitleId);
        Assert.Equal(["semantic"], top.Signals);
        Assert.Equal(CatalogMatch.Description, top.Semantic!.MatchedIn);
        Assert.Null(top.MatchedIn);
        Assert.Equal("t-storm", hybrid.Titles[0].TitleId);
        Assert.Equal(SearchMode.Hybrid, hybrid.Mode);
        Assert.DoesNotContain("t-storm", text.Titles.Select(t => t.TitleId)); // no word of the query is in it
        Assert.DoesNotContain("t-mars", semantic.Titles.Select(t => t.TitleId)); // below the minimum similarity
    }

    [Theory]
    [InlineData(ReadModelDialect.Sqlite)]
    [InlineData(ReadModelDialect.Postgres)]
    public async Task A_query_finds_a_title_by_what_its_dialogue_means_with_the_time_to_jump_to(ReadModelDialect dialect)
    {
        await using var catalog = await CatalogAsync(dialect);

        var page = await catalog.SearchAsync(KitchenFire, SearchMode.Hybrid);

        var top = page.Titles[0];
        Assert.Equal("t-kitchen", top.TitleId);
        Assert.Equal(CatalogMatch.Dialogue, top.Semantic!.MatchedIn);
        var cue = top.Semantic.Dialogue!;
        Assert.Equal(("en", "00:41:10", 2470.0), (cue.Language, cue.At, cue.StartSeconds));
        Assert.StartsWith("Smoke! The oven is burning!", cue.Text);
        Assert.DoesNotContain("t-kitchen", (await catalog.SearchAsync(KitchenFire, SearchMode.Text)).Titles.Select(t => t.TitleId));
    }

    [Theory]
    [InlineData(ReadModelDialect.Sqlite)]
    [InlineData(ReadModelDialect.Postgres)]
    public async Task Hybrid_ranks_a_title_both_signals_find_above_titles_only_one_finds(ReadModelDialect dialect)
    {
        await using var catalog = await CatalogAsync(dialect);

        var page = await catalog.SearchAsync("hurricane", SearchMode.Hybrid);

        var top = page.Titles[0];
        Assert.Equal(("t-storm", CatalogMatch.Description), (top.TitleId, top.MatchedIn));
        Assert.Equal(["text", "semantic"], top.Signals);
        Assert.True(page.Titles.Skip(1).All(t => t.Score < top.Score));
        Assert.Equal(page.Titles.Count, page.Total);
    }

    [Theory]
    [InlineData(ReadModelDialect.Sqlite)]
    [InlineData(ReadModelDialect.Postgres)]
    public async Task Unpublished_titles_are_found_by_meaning_by_their_owner_only(ReadModelDialect dialect)
    {
        await using var catalog = await CatalogAsync(dialect);

        Assert.DoesNotContain("t-draft", (await catalog.SearchAsync(StormAtSea, SearchMode.Semantic)).Titles.Select(t => t.TitleId));
        Assert.DoesNotContain("t-draft", (await catalog.SearchAsync(StormAtSea, SearchMode.Semantic, viewer: "u-other")).Titles.Select(t => t.TitleId));
        Assert.Contains("t-draft", (await catalog.SearchAsync(StormAtSea, SearchMode.Semantic, viewer: Owner)).Titles.Select(t => t.TitleId));
    }

    [Theory]
    [InlineData(ReadModelDialect.Sqlite)]
    [InlineData(ReadModelDialect.Postgres)]
    public async Task The_index_follows_a_replaced_subtitle_track_and_a_rebuild(ReadModelDialect dialect)
    {
        await using var catalog = await CatalogAsync(dialect);
        Assert.Equal("t-kitchen", (await catalog.SearchAsync(KitchenFire, SearchMode.Semantic)).Titles[0].TitleId);

        await catalog.ApplyAsync(await SubtitlesAsync(catalog.Blobs, "t-kitchen", "en", "u9",
            "WEBVTT\n\n00:02:00.000 --> 00:02:02.000\nThe dessert menu changes on Tuesday.\n"));

        Assert.DoesNotContain("t-kitchen", (await catalog.SearchAsync(KitchenFire, SearchMode.Semantic)).Titles.Select(t => t.TitleId));
        await catalog.RebuildAsync();
        Assert.Equal("t-storm", (await catalog.SearchAsync(StormAtSea, SearchMode.Semantic)).Titles[0].TitleId);
        Assert.DoesNotContain("t-kitchen", (await catalog.SearchAsync(KitchenFire, SearchMode.Semantic)).Titles.Select(t => t.TitleId));
    }

    [Fact]
    public async Task A_rebuild_that_ends_at_the_same_offset_still_reaches_an_index_that_saw_no_search_during_it()
    {
        await using var catalog = await CatalogAsync(ReadModelDialect.Sqlite);
        var before = (await catalog.SearchAsync(KitchenFire, SearchMode.Semantic)).Titles[0].Semantic!.Dialogue!;
        string[] fireCues = ["Smoke! The oven is burning!", "Everybody out, the whole place is on fire!", "Grab the extinguisher!", "Call the firefighters now!"];
        Assert.Equal(4, fireCues.Count(before.Text.Contains)); // windows of 4 cues

        // Rebuilt with one cue per window (a changed setting): same events, same final offset, other rows.
        await catalog.RebuildAsync(new SemanticProjection(catalog.Blobs, MiniLmEmbedder.Shared, SemanticSearchSettings.Default with { WindowCues = 1 }),
            searchBetween: false);

        var after = (await catalog.SearchAsync(KitchenFire, SearchMode.Semantic)).Titles[0].Semantic!.Dialogue!;
        Assert.Equal(1, fireCues.Count(after.Text.Contains)); // the rebuilt rows, not the index's stale copy
    }

    [Fact]
    public async Task With_semantic_search_off_hybrid_answers_by_text_with_a_note_and_semantic_is_refused()
    {
        await using var catalog = await CatalogAsync(ReadModelDialect.Sqlite, SemanticSearchSettings.Default with { Enabled = false });

        var hybrid = await catalog.SearchAsync("hurricane", SearchMode.Hybrid);

        Assert.Equal(SearchMode.Text, hybrid.Mode);
        Assert.Contains("text results only", hybrid.Note);
        Assert.Equal(["text"], Assert.Single(hybrid.Titles).Signals);
        await Assert.ThrowsAsync<EmbeddingModelUnavailableException>(() => catalog.SearchAsync(StormAtSea, SearchMode.Semantic));
    }

    [Theory]
    [InlineData(ReadModelDialect.Sqlite)]
    [InlineData(ReadModelDialect.Postgres)]
    public async Task A_visible_match_is_found_behind_more_better_matching_drafts_of_others_than_the_search_keeps(ReadModelDialect dialect)
    {
        // Each signal keeps its best 2 here: the 10 drafts below all match the query better than t-storm does.
        await using var catalog = await CatalogAsync(dialect, candidates: 2);
        await catalog.ApplyAsync(Enumerable.Range(1, 10).Select(i => (ITitleEvent)new TitleCreated($"t-squall-{i:D2}", "u-other",
            $"Squall {i}", $"A film about a storm at sea: sailors caught in gale number {i}", At)).ToList());

        var anonymous = await catalog.SearchAsync(StormAtSea, SearchMode.Semantic);
        var owner = await catalog.SearchAsync(StormAtSea, SearchMode.Semantic, viewer: "u-other");

        Assert.Equal("t-storm", anonymous.Titles[0].TitleId);
        Assert.DoesNotContain(anonymous.Titles, t => t.TitleId.StartsWith("t-squall-"));
        Assert.Equal(anonymous.Titles.Count, anonymous.Total);
        Assert.Equal(2, owner.Titles.Count);
        Assert.All(owner.Titles, t => Assert.StartsWith("t-squall-", t.TitleId));
        Assert.Equal(10 + anonymous.Total, owner.Total); // every match, though only the best 2 are kept for the pages
    }

    [Theory]
    [InlineData(ReadModelDialect.Sqlite)]
    [InlineData(ReadModelDialect.Postgres)]
    public async Task A_title_published_after_the_index_loaded_it_is_found_by_everyone(ReadModelDialect dialect)
    {
        await using var catalog = await CatalogAsync(dialect);
        Assert.DoesNotContain("t-draft", (await catalog.SearchAsync(StormAtSea, SearchMode.Semantic)).Titles.Select(t => t.TitleId));

        await catalog.ApplyAsync(new TitlePublished("t-draft", At));

        Assert.Contains("t-draft", (await catalog.SearchAsync(StormAtSea, SearchMode.Semantic)).Titles.Select(t => t.TitleId));
        await catalog.ApplyAsync(new TitleSourceUploaded("t-draft", "u2", "k", 1, null, At)); // a new source: unpublished again
        Assert.DoesNotContain("t-draft", (await catalog.SearchAsync(StormAtSea, SearchMode.Semantic)).Titles.Select(t => t.TitleId));
    }

    [Fact]
    public async Task Hybrid_total_counts_every_title_either_signal_matches_not_only_the_fused_candidates()
    {
        await using var catalog = await CatalogAsync(ReadModelDialect.Sqlite, candidates: 2);
        await catalog.ApplyAsync(Enumerable.Range(1, 6).SelectMany(i => Published($"t-light-{i}", $"Beacon {i}",
            $"A lighthouse keeper alone on a rock, winter {i}")).ToList());

        var text = await catalog.SearchAsync("lighthouse", SearchMode.Text);
        var semantic = await catalog.SearchAsync("lighthouse", SearchMode.Semantic);
        var hybrid = await catalog.SearchAsync("lighthouse", SearchMode.Hybrid);

        Assert.Equal(6, text.Total);
        Assert.True(hybrid.Titles.Count <= 4); // 2 per signal
        // Every match of either signal once: the titles both signals kept among their best 2 are not counted twice.
        var foundByBoth = text.Titles.Take(2).Select(t => t.TitleId).Intersect(semantic.Titles.Take(2).Select(t => t.TitleId)).Count();
        Assert.Equal(text.Total + semantic.Total - foundByBoth, hybrid.Total);
        Assert.True(hybrid.Total > hybrid.Titles.Count, $"total {hybrid.Total} counts only the fused candidates");
    }

    [Fact]
    public async Task Past_max_vectors_the_index_holds_titles_before_dialogue_and_the_log_and_the_answer_say_so()
    {
        var log = new List<string>();
        // Six titles and two dialogue windows are stored: room for the titles only.
        await using var catalog = await CatalogAsync(ReadModelDialect.Sqlite, maxVectors: 6, log: log.Add);

        var fire = await catalog.SearchAsync(KitchenFire, SearchMode.Semantic);
        var storm = await catalog.SearchAsync(StormAtSea, SearchMode.Hybrid);

        Assert.DoesNotContain(fire.Titles, t => t.Semantic!.MatchedIn == CatalogMatch.Dialogue);
        Assert.Equal("t-storm", storm.Titles[0].TitleId);
        Assert.Contains("max-vectors", fire.Note);
        Assert.Contains("max-vectors", storm.Note);
        Assert.Contains(log, m => m.Contains("max-vectors = 6") && m.Contains("2 vectors"));
        Assert.Null((await catalog.SearchAsync("hurricane", SearchMode.Text)).Note);
    }

    private static async Task<TestCatalog> CatalogAsync(ReadModelDialect dialect, SemanticSearchSettings? searchSettings = null,
        int candidates = HybridCatalogSearch.DefaultCandidates, int maxVectors = SemanticSearchSettings.DefaultMaxVectors, Action<string>? log = null)
    {
        var db = await ReadModelTestDatabase.CreateAsync(dialect);
        var blobs = new DirectoryBlobStore(db.BlobDirectory);
        var catalogProjection = new CatalogProjection(blobs);
        var semanticProjection = new SemanticProjection(blobs, MiniLmEmbedder.Shared, SemanticSearchSettings.Default);
        var schema = new ReadModelSchema(db.Database, [catalogProjection, semanticProjection]);
        await schema.EnsureAsync();
        var text = dialect == ReadModelDialect.Sqlite ? (ICatalogSearch)new SqliteCatalogSearch(schema) : new PostgresCatalogSearch(schema);
        var search = new HybridCatalogSearch(text, new SemanticIndex(schema, maxVectors, log), MiniLmEmbedder.Shared, schema,
            searchSettings ?? SemanticSearchSettings.Default, candidates);
        var catalog = new TestCatalog(db, blobs, schema, search);

        await catalog.ApplyAsync([
            .. Published("t-storm", "Northern Catch", "A fishing boat caught in a hurricane far from shore"),
            .. Published("t-garden", "Green Thumbs", "An old man tends his roses through the seasons"),
            .. Published("t-paris", "Left Bank", "Two students fall in love in Paris"),
            .. Published("t-mars", "Red Dust", "Astronauts stranded on a distant planet"),
            .. Published("t-kitchen", "Service", "A night in the life of a busy restaurant"),
            await SubtitlesAsync(blobs, "t-kitchen", "en", "u1", """
                WEBVTT

                00:00:05.000 --> 00:00:07.000
                Table four wants the soup.

                00:00:09.000 --> 00:00:11.000
                Where is my sous chef?

                00:00:14.000 --> 00:00:16.000
                Two steaks, medium rare.

                00:00:20.000 --> 00:00:22.000
                Behind you, hot pan!

                00:41:10.000 --> 00:41:12.000
                Smoke! The oven is burning!

                00:41:13.000 --> 00:41:15.000
                Everybody out, the whole place is on fire!

                00:41:16.000 --> 00:41:18.000
                Grab the extinguisher!

                00:41:19.000 --> 00:41:21.000
                Call the firefighters now!

                """),
            new TitleCreated("t-draft", Owner, "Squall", "Sailors fight a tempest on the ocean", At),
        ]);
        return catalog;
    }

    private static readonly DateTimeOffset At = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private static IEnumerable<ITitleEvent> Published(string id, string name, string description)
    {
        yield return new TitleCreated(id, "u-studio", name, description, At);
        yield return new TitlePublished(id, At);
    }

    private static async Task<ITitleEvent> SubtitlesAsync(IBlobStore blobs, string titleId, string language, string uploadId, string vtt)
    {
        var key = TitleBlobKeys.Subtitles(titleId, language, uploadId, SubtitleFormat.WebVtt);
        var info = await blobs.WriteAsync(key, new MemoryStream(Encoding.UTF8.GetBytes(vtt)));
        return new TitleSubtitlesAttached(titleId, language, uploadId, StoredSubtitleFormat.WebVtt, key, info.Length, At);
    }

    private static string TitleIdOf(ITitleEvent e) => (string)e.GetType().GetProperty("TitleId")!.GetValue(e)!;

    /// <summary>Both projections fed the same journal (envelopes numbered in order), and the hybrid search over them.</summary>
    private sealed class TestCatalog(ReadModelTestDatabase db, IBlobStore blobs, ReadModelSchema schema, HybridCatalogSearch search) : IAsyncDisposable
    {
        private readonly List<EventEnvelope> _journal = [];

        public IBlobStore Blobs => blobs;

        public Task<SearchResultPage> SearchAsync(string q, SearchMode mode, string? viewer = null) =>
            search.SearchAsync(new SearchRequest(q, mode, viewer, false, 20, 0), CancellationToken.None);

        public Task ApplyAsync(ITitleEvent e) => ApplyAsync([e]);

        public async Task ApplyAsync(IReadOnlyList<ITitleEvent> events)
        {
            var envelopes = events.Select((e, i) => new EventEnvelope(Offset.Sequence(_journal.Count + i + 1), TitleEntity.PersistenceIdPrefix + TitleIdOf(e),
                _journal.Count + i + 1, e, At.ToUnixTimeMilliseconds(), [TitleEventTagger.Tag])).ToList();
            foreach (var envelope in envelopes) _journal.Add(envelope);
            foreach (var projection in schema.Projections)
            foreach (var batch in envelopes.Chunk(4))
                await ProjectionRunner.ApplyBatchAsync(projection, db.Database, batch);
        }

        /// <summary>Empties the semantic tables and offset as a rebuild does, then applies the whole journal again.</summary>
        public async Task RebuildAsync(IProjection? rebuiltWith = null, bool searchBetween = true)
        {
            var semantic = rebuiltWith ?? schema.Projections.Single(p => p.Name == SemanticProjection.ProjectionName);
            await using (var session = await db.Database.BeginAsync())
            {
                await semantic.ResetAsync(session, CancellationToken.None);
                await ProjectionOffsets.DeleteAsync(session, semantic.Name, CancellationToken.None);
                await session.CommitAsync();
            }
            if (searchBetween) Assert.Empty((await SearchAsync(StormAtSea, SearchMode.Semantic)).Titles);
            foreach (var batch in _journal.Chunk(4)) await ProjectionRunner.ApplyBatchAsync(semantic, db.Database, batch);
        }

        public ValueTask DisposeAsync() => db.DisposeAsync();
    }
}
