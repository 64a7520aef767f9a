using Akka.Persistence.Query;
using MediaPlatform.Actors.Projections;
using MediaPlatform.Actors.Projections.Catalog;
using MediaPlatform.Actors.Projections.Semantic;
using MediaPlatform.Actors.Storage;
using MediaPlatform.Actors.Titles;

namespace MediaPlatform.Node.Tests.Projections;

/// <summary>
/// A semantic read model stored before titles' owner and status were kept beside their vectors: the node that starts
/// on it adds them from the catalog, without embedding anything again, and searches by meaning see only what they may.
/// </summary>
public sealed class SemanticSchemaUpgradeSpecs
{
    private static readonly DateTimeOffset At = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Theory]
    [InlineData(ReadModelDialect.Sqlite)]
    [InlineData(ReadModelDialect.Postgres)]
    public async Task Titles_stored_without_visibility_get_it_from_the_catalog_and_the_projection_resumes_from_the_catalog_s_offset(ReadModelDialect dialect)
    {
        await using var db = await ReadModelTestDatabase.CreateAsync(dialect);
        var blobs = new DirectoryBlobStore(db.BlobDirectory);
        var catalog = new CatalogProjection(blobs);
        await new ReadModelSchema(db.Database, [catalog]).EnsureAsync();
        ITitleEvent[] events =
        [
            new TitleCreated("t-storm", "u-studio", "Northern Catch", "A fishing boat caught in a hurricane far from shore", At),
            new TitlePublished("t-storm", At),
            new TitleCreated("t-draft", "u-owner", "Squall", "Sailors fight a tempest on the ocean", At),
        ];
        await ProjectionRunner.ApplyBatchAsync(catalog, db.Database, events.Select((e, i) => new EventEnvelope(Offset.Sequence(i + 1),
            TitleEntity.PersistenceIdPrefix + i, i + 1, e, At.ToUnixTimeMilliseconds(), [TitleEventTagger.Tag])));
        await StoreOldSemanticRowsAsync(db, semanticOffset: 5, ("t-storm", "Northern Catch. A fishing boat caught in a hurricane far from shore"),
            ("t-draft", "Squall. Sailors fight a tempest on the ocean"));

        var schema = new ReadModelSchema(db.Database, [catalog, new SemanticProjection(blobs, MiniLmEmbedder.Shared, SemanticSearchSettings.Default)]);
        await schema.EnsureAsync();

        await using (var session = await db.Database.OpenAsync())
        {
            Assert.Equal(3, await ProjectionOffsets.ReadAsync(session, SemanticProjection.ProjectionName, CancellationToken.None));
            Assert.Equal(1, await ProjectionOffsets.ReadAsync(session, SemanticProjection.GenerationName, CancellationToken.None));
        }
        var text = dialect == ReadModelDialect.Sqlite ? (ICatalogSearch)new SqliteCatalogSearch(schema) : new PostgresCatalogSearch(schema);
        var search = new HybridCatalogSearch(text, new SemanticIndex(schema), MiniLmEmbedder.Shared, schema, SemanticSearchSettings.Default);
        async Task<IReadOnlyList<string>> FoundAsync(string? viewer) => (await search.SearchAsync(
            new SearchRequest("films about a storm at sea", SearchMode.Semantic, viewer, false, 20, 0), CancellationToken.None)).Titles.Select(t => t.TitleId).ToList();
        Assert.Equal(["t-storm"], await FoundAsync(null));
        Assert.Contains("t-draft", await FoundAsync("u-owner"));
    }

    [Theory]
    [InlineData(ReadModelDialect.Sqlite)]
    [InlineData(ReadModelDialect.Postgres)]
    public async Task A_database_from_before_both_upgrades_keeps_its_vectors_and_takes_visibility_from_the_catalog_before_the_catalog_refills(ReadModelDialect dialect)
    {
        await using var db = await ReadModelTestDatabase.CreateAsync(dialect);
        await using (var old = await db.Database.BeginAsync())
        {
            await old.ExecuteAsync(CatalogListingSpecs.OldTitlesTable(dialect));
            await old.ExecuteAsync(ProjectionOffsets.Ddl(dialect));
            await old.ExecuteAsync("""
                INSERT INTO catalog_titles (title_id, owner_id, name, name_key, description, status, created_at, updated_at)
                VALUES ('t-storm', 'u-studio', 'Northern Catch', 'northern catch', '', 'Published', 1, 1)
                """);
            await ProjectionOffsets.StoreAsync(old, CatalogProjection.ProjectionName, 40, At, At, CancellationToken.None);
            await old.CommitAsync();
        }
        await StoreOldSemanticRowsAsync(db, semanticOffset: 42, ("t-storm", "Northern Catch. A fishing boat caught in a hurricane far from shore"));
        var blobs = new DirectoryBlobStore(db.BlobDirectory);

        // The node's registration order: the catalog first.
        await new ReadModelSchema(db.Database, [new CatalogProjection(blobs), new SemanticProjection(blobs, MiniLmEmbedder.Shared, SemanticSearchSettings.Default)])
            .EnsureAsync();

        await using var session = await db.Database.OpenAsync();
        Assert.Equal(0, await ProjectionOffsets.ReadAsync(session, CatalogProjection.ProjectionName, CancellationToken.None)); // refills
        Assert.Equal(40, await ProjectionOffsets.ReadAsync(session, SemanticProjection.ProjectionName, CancellationToken.None)); // not from 0: nothing re-embedded
        var rows = await session.QueryAsync("SELECT owner_id, published FROM semantic_titles WHERE title_id = 't-storm'",
            r => (r.GetString(0), Convert.ToInt32(r.GetValue(1))), CancellationToken.None);
        Assert.Equal([("u-studio", 1)], rows);
    }

    /// <summary>semantic_titles as it was made before owner_id and published, with its rows and offset.</summary>
    private static async Task StoreOldSemanticRowsAsync(ReadModelTestDatabase db, long semanticOffset, params (string Id, string Text)[] titles)
    {
        await using var session = await db.Database.BeginAsync();
        await session.ExecuteAsync(db.Dialect == ReadModelDialect.Sqlite
            ? "CREATE TABLE semantic_titles (title_id TEXT PRIMARY KEY, vector BLOB NOT NULL, changed_offset INTEGER NOT NULL)"
            : "CREATE TABLE semantic_titles (title_id text PRIMARY KEY, vector bytea NOT NULL, changed_offset bigint NOT NULL)");
        var vectors = MiniLmEmbedder.Shared.Embed(titles.Select(t => t.Text).ToList(), CancellationToken.None);
        for (var i = 0; i < titles.Length; i++)
            await session.ExecuteAsync("INSERT INTO semantic_titles (title_id, vector, changed_offset) VALUES (@id, @vector, @offset)",
                ("id", titles[i].Id), ("vector", VectorBlob.ToBytes(vectors[i])), ("offset", (long)i + 1));
        await ProjectionOffsets.StoreAsync(session, SemanticProjection.ProjectionName, semanticOffset, At, At, CancellationToken.None);
        await session.CommitAsync();
    }
}
