using Akka.Persistence.Query;
using MediaPlatform.Actors.Images;
using MediaPlatform.Actors.Projections;
using MediaPlatform.Actors.Projections.Catalog;
using MediaPlatform.Actors.Storage;
using MediaPlatform.Actors.Titles;

namespace MediaPlatform.Node.Tests.Projections;

/// <summary>
/// GET /api/titles's reader over the catalog read model, the same titles and the same expected answers on SQLite and
/// PostgreSQL: who sees what, the status filter, the limit and the total, name words (any case, compatibility forms,
/// parts of words), the progress and failure reason a card shows, a rebuild that lists the same, and a database from
/// before the listing's columns that is upgraded and refilled.
/// </summary>
public sealed class CatalogListingSpecs
{
    private const string Alice = "u-alice";
    private const string Bob = "u-bob";
    private static readonly DateTimeOffset At = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Theory]
    [InlineData(ReadModelDialect.Sqlite)]
    [InlineData(ReadModelDialect.Postgres)]
    public async Task Others_see_only_published_titles_newest_first_owners_also_their_own_and_admins_everything(ReadModelDialect dialect)
    {
        await using var catalog = await CatalogAsync(dialect);

        Assert.Equal(["t3", "t1"], await catalog.IdsAsync(new CatalogListingQuery(null, null, null, false)));
        Assert.Equal(["t3", "t1"], await catalog.IdsAsync(new CatalogListingQuery(null, null, "u-someone-else", false)));
        Assert.Equal(["t5", "t3", "t2", "t1"], await catalog.IdsAsync(new CatalogListingQuery(null, null, Alice, false)));
        Assert.Equal(["t4", "t3", "t1"], await catalog.IdsAsync(new CatalogListingQuery(null, null, Bob, false)));
        Assert.Equal(["t5", "t4", "t3", "t2", "t1"], await catalog.IdsAsync(new CatalogListingQuery(null, null, "u-admin", true)));
    }

    [Theory]
    [InlineData(ReadModelDialect.Sqlite)]
    [InlineData(ReadModelDialect.Postgres)]
    public async Task The_status_filter_and_the_limit_apply_and_the_total_counts_every_match(ReadModelDialect dialect)
    {
        await using var catalog = await CatalogAsync(dialect);

        Assert.Equal(["t2"], await catalog.IdsAsync(new CatalogListingQuery(null, TitleStatus.Transcoding, Alice, false)));
        Assert.Empty(await catalog.IdsAsync(new CatalogListingQuery(null, TitleStatus.Transcoding, Bob, false)));
        Assert.Equal(["t3", "t1"], await catalog.IdsAsync(new CatalogListingQuery(null, TitleStatus.Published, null, false)));
        var limited = await catalog.ListAsync(new CatalogListingQuery(null, null, "u-admin", true, Limit: 2));
        Assert.Equal(["t5", "t4"], limited.Titles.Select(t => t.TitleId));
        Assert.Equal(5, limited.Total);
    }

    [Theory]
    [InlineData(ReadModelDialect.Sqlite)]
    [InlineData(ReadModelDialect.Postgres)]
    public async Task Every_word_of_the_query_must_appear_in_the_name_in_any_case_or_compatibility_form(ReadModelDialect dialect)
    {
        await using var catalog = await CatalogAsync(dialect);

        Assert.Equal(["t3", "t1"], await catalog.IdsAsync(new CatalogListingQuery("holiday", null, null, false)));
        Assert.Equal(["t3"], await catalog.IdsAsync(new CatalogListingQuery("SEA holi", null, null, false)));
        Assert.Empty(await catalog.IdsAsync(new CatalogListingQuery("draft", null, Alice, false)));
        Assert.Equal(["t4"], await catalog.IdsAsync(new CatalogListingQuery("draft", null, Bob, false)));
        // "Ｆｉｓｈ" (full width) and "ﬁsh" (a ligature) are "fish" once folded, in the name and in the query alike.
        Assert.Equal(["t5"], await catalog.IdsAsync(new CatalogListingQuery("fish", null, Alice, false)));
        Assert.Equal(["t5"], await catalog.IdsAsync(new CatalogListingQuery("ＦＩＳＨ ﬁ", null, Alice, false)));
        // Search syntax is plain text: it matches nothing here and fails nothing.
        foreach (var q in new[] { "%", "_", "'", "\"", "holi%", "'; DROP TABLE catalog_titles; --" })
            Assert.Empty(await catalog.IdsAsync(new CatalogListingQuery(q, null, "u-admin", true)));
    }

    [Theory]
    [InlineData(ReadModelDialect.Sqlite)]
    [InlineData(ReadModelDialect.Postgres)]
    public async Task A_card_shows_the_progress_while_transcoding_the_failure_reason_and_the_artwork(ReadModelDialect dialect)
    {
        await using var catalog = await CatalogAsync(dialect);

        var all = (await catalog.ListAsync(new CatalogListingQuery(null, null, "u-admin", true))).Titles.ToDictionary(t => t.TitleId);

        Assert.Equal((TitleStatus.Transcoding, 75.0, (string?)null), (all["t2"].Status, all["t2"].ProgressPercent, all["t2"].FailureReason));
        Assert.Equal((TitleStatus.Failed, (double?)null, "encoder crashed"), (all["t5"].Status, all["t5"].ProgressPercent, all["t5"].FailureReason));
        Assert.Equal((TitleStatus.Published, (double?)null, (string?)null), (all["t1"].Status, all["t1"].ProgressPercent, all["t1"].FailureReason));
        // A new source after the failure starts over: t4 failed once, then got a new source.
        Assert.Equal((TitleStatus.SourceUploaded, (string?)null), (all["t4"].Status, all["t4"].FailureReason));
        var artwork = all["t3"].Artwork!;
        Assert.Equal(("img-1", At), (artwork.ImageId, artwork.SubmittedAt));
        Assert.Equal(["w160.jpg", "w320.jpg", "w320.webp"], artwork.Variants);
        Assert.Null(all["t1"].Artwork);
        Assert.Equal((At.AddMinutes(1), At.AddMinutes(30)), (all["t1"].CreatedAt, all["t1"].UpdatedAt));
        Assert.Equal(At.AddMinutes(31), all["t3"].UpdatedAt); // the artwork was its last change
    }

    [Theory]
    [InlineData(ReadModelDialect.Sqlite)]
    [InlineData(ReadModelDialect.Postgres)]
    public async Task A_rebuild_from_the_events_lists_the_same_titles(ReadModelDialect dialect)
    {
        await using var catalog = await CatalogAsync(dialect);
        var admin = new CatalogListingQuery(null, null, "u-admin", true);
        var before = await catalog.ListAsync(admin);

        await catalog.RebuildAsync();

        var after = await catalog.ListAsync(admin);
        Assert.Equal(5, after.Total);
        Assert.Equal(before.Titles.Select(Shown), after.Titles.Select(Shown));
    }

    [Theory]
    [InlineData(ReadModelDialect.Sqlite)]
    [InlineData(ReadModelDialect.Postgres)]
    public async Task A_catalog_from_before_the_listing_gets_its_columns_and_is_refilled_from_the_journal(ReadModelDialect dialect)
    {
        var db = await ReadModelTestDatabase.CreateAsync(dialect);
        await using (var old = await db.Database.BeginAsync())
        {
            await old.ExecuteAsync(OldTitlesTable(dialect));
            await old.ExecuteAsync(ProjectionOffsets.Ddl(dialect));
            await old.ExecuteAsync("""
                INSERT INTO catalog_titles (title_id, owner_id, name, name_key, description, status, created_at, updated_at)
                VALUES ('t-old', 'u', 'Old', 'old', '', 'Published', 1, 1)
                """);
            await ProjectionOffsets.StoreAsync(old, CatalogProjection.ProjectionName, 42, At, At, CancellationToken.None);
            await old.CommitAsync();
        }
        var projection = new CatalogProjection(new DirectoryBlobStore(db.BlobDirectory));
        var schema = new ReadModelSchema(db.Database, [projection]);
        await using var catalog = new TestCatalog(db, projection, new CatalogListing(schema), []);

        await schema.EnsureAsync();

        await using (var session = await db.Database.OpenAsync())
        {
            Assert.Equal(0L, await ProjectionOffsets.ReadAsync(session, CatalogProjection.ProjectionName, CancellationToken.None));
            var columns = await session.QueryAsync(CatalogSchema.ColumnsQuery(dialect), r => r.GetString(0), CancellationToken.None);
            Assert.All(CatalogSchema.ListingColumns, c => Assert.Contains(c.Name, columns));
        }
        Assert.Empty((await catalog.ListAsync(new CatalogListingQuery(null, null, "u-admin", true))).Titles); // emptied for the refill
        await catalog.ApplyAsync(Events());
        Assert.Equal(["t5", "t4", "t3", "t2", "t1"], await catalog.IdsAsync(new CatalogListingQuery(null, null, "u-admin", true)));
        Assert.Equal(75.0, (await catalog.ListAsync(new CatalogListingQuery(null, TitleStatus.Transcoding, Alice, false))).Titles[0].ProgressPercent);
    }

    private static (string, string, TitleStatus, DateTimeOffset, DateTimeOffset, double?, string?, string?) Shown(TitleSummary t) =>
        (t.TitleId, t.Name, t.Status, t.CreatedAt, t.UpdatedAt, t.ProgressPercent, t.FailureReason, t.Artwork?.ImageId);

    /// <summary>catalog_titles as the first catalog projection made it.</summary>
    internal static string OldTitlesTable(ReadModelDialect dialect) => dialect == ReadModelDialect.Sqlite
        ? """
          CREATE TABLE catalog_titles (doc_id INTEGER PRIMARY KEY, title_id TEXT NOT NULL UNIQUE, owner_id TEXT NOT NULL,
            name TEXT NOT NULL, name_key TEXT NOT NULL, description TEXT NOT NULL, status TEXT NOT NULL, duration_ms INTEGER,
            rungs TEXT NOT NULL DEFAULT '', languages TEXT NOT NULL DEFAULT '', created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL)
          """
        : """
          CREATE TABLE catalog_titles (title_id text PRIMARY KEY, owner_id text NOT NULL, name text NOT NULL,
            name_key text NOT NULL, description text NOT NULL, status text NOT NULL, duration_ms bigint, rungs text NOT NULL DEFAULT '',
            languages text NOT NULL DEFAULT '', created_at bigint NOT NULL, updated_at bigint NOT NULL,
            name_tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', name)) STORED,
            description_tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', description)) STORED)
          """;

    /// <summary>
    /// t1 Alice's published "Mountain Holiday"; t2 Alice's, transcoding at 75 %; t3 Bob's published "Holiday at Sea"
    /// with artwork; t4 Bob's draft, failed once then given a new source; t5 Alice's full-width "Ｆｉｓｈ", failed.
    /// Created a minute apart, t1 first.
    /// </summary>
    private static List<ITitleEvent> Events()
    {
        var rungs = new List<RungProgress> { new("240p", 3, 4) };
        return
        [
            new TitleCreated("t1", Alice, "Mountain Holiday", "", At.AddMinutes(1)),
            new TitleCreated("t2", Alice, "City Lights", "", At.AddMinutes(2)),
            new TitleCreated("t3", Bob, "Holiday at Sea", "", At.AddMinutes(3)),
            new TitleCreated("t4", Bob, "Secret Draft", "", At.AddMinutes(4)),
            new TitleCreated("t5", Alice, "Ｆｉｓｈ and ﬁsh", "", At.AddMinutes(5)),
            new TitleSourceUploaded("t2", "up", "k", 10, null, At.AddMinutes(10)),
            new TitleTranscodeProgressed("t2", 1, 4, rungs, At.AddMinutes(11)),
            new TitleTranscodeProgressed("t2", 3, 4, rungs, At.AddMinutes(12)),
            new TitleSourceUploaded("t4", "up", "k", 10, null, At.AddMinutes(13)),
            new TitleFailed("t4", TitleFailure.ProbeStage, "not a video", At.AddMinutes(14)),
            new TitleSourceUploaded("t4", "up2", "k2", 10, null, At.AddMinutes(15)),
            new TitleSourceUploaded("t5", "up", "k", 10, null, At.AddMinutes(16)),
            new TitleTranscodeProgressed("t5", 1, 2, rungs, At.AddMinutes(17)),
            new TitleFailed("t5", TitleFailure.TranscodeStage, "encoder crashed", At.AddMinutes(18)),
            new TitlePublished("t1", At.AddMinutes(30)),
            new TitlePublished("t3", At.AddMinutes(30)),
            new TitleArtworkRecorded("t3", new StoredImageRef("img-1", ["w160.jpg", "w320.jpg", "w320.webp"], At), At.AddMinutes(31)),
        ];
    }

    private static async Task<TestCatalog> CatalogAsync(ReadModelDialect dialect)
    {
        var db = await ReadModelTestDatabase.CreateAsync(dialect);
        var projection = new CatalogProjection(new DirectoryBlobStore(db.BlobDirectory));
        var schema = new ReadModelSchema(db.Database, [projection]);
        await schema.EnsureAsync();
        var events = Events();
        var catalog = new TestCatalog(db, projection, new CatalogListing(schema), events);
        await catalog.ApplyAsync(events);
        return catalog;
    }

    private sealed class TestCatalog(ReadModelTestDatabase db, CatalogProjection projection, CatalogListing listing, IReadOnlyList<ITitleEvent> events)
        : IAsyncDisposable
    {
        public Task<TitleList> ListAsync(CatalogListingQuery query) => listing.ListAsync(query, CancellationToken.None);

        public async Task<List<string>> IdsAsync(CatalogListingQuery query) => (await ListAsync(query)).Titles.Select(t => t.TitleId).ToList();

        public async Task ApplyAsync(IReadOnlyList<ITitleEvent> applied)
        {
            var envelopes = applied.Select((e, i) => new EventEnvelope(Offset.Sequence(i + 1), TitleEntity.PersistenceIdPrefix + i, i + 1, e,
                At.ToUnixTimeMilliseconds(), [TitleEventTagger.Tag])).ToList();
            foreach (var batch in envelopes.Chunk(5)) await ProjectionRunner.ApplyBatchAsync(projection, db.Database, batch);
        }

        /// <summary>What a rebuild does: empty the tables (and the offset) in one transaction, then apply every event again.</summary>
        public async Task RebuildAsync()
        {
            await using (var session = await db.Database.BeginAsync())
            {
                await projection.ResetAsync(session, CancellationToken.None);
                await ProjectionOffsets.DeleteAsync(session, projection.Name, CancellationToken.None);
                await session.CommitAsync();
            }
            Assert.Empty((await ListAsync(new CatalogListingQuery(null, null, "u-admin", true))).Titles);
            await ApplyAsync(events);
        }

        public ValueTask DisposeAsync() => db.DisposeAsync();
    }
}
