using MediaPlatform.Actors.Projections.Catalog;

namespace MediaPlatform.Actors.Projections.Semantic;

/// <summary>
/// Gives a semantic_titles table made before visibility was stored its owner_id and published columns, in the schema's
/// own transaction, without embedding anything again: they are copied from the catalog's rows. The catalog may not
/// have applied every event the semantic projection has (it is usually ahead, but not always), so the semantic
/// offset goes back to the catalog's when that is lower: the few events between are applied again (each is
/// idempotent) and leave the columns as the events say. A new generation makes every node's index reload.
/// </summary>
public static class SemanticSchemaUpgrade
{
    public static async Task ApplyAsync(ReadModelSession session, CancellationToken ct)
    {
        if (await HasColumnAsync(session, "semantic_titles", "owner_id", ct)) return;
        await session.ExecuteAsync("ALTER TABLE semantic_titles ADD COLUMN owner_id TEXT NOT NULL DEFAULT ''", ct);
        await session.ExecuteAsync("ALTER TABLE semantic_titles ADD COLUMN published INTEGER NOT NULL DEFAULT 0", ct);
        var catalogOffset = 0L;
        if (await HasColumnAsync(session, "catalog_titles", "owner_id", ct))
        {
            await session.ExecuteAsync("""
                UPDATE semantic_titles SET
                  owner_id = COALESCE((SELECT c.owner_id FROM catalog_titles c WHERE c.title_id = semantic_titles.title_id), ''),
                  published = CASE WHEN EXISTS (SELECT 1 FROM catalog_titles c WHERE c.title_id = semantic_titles.title_id
                    AND c.status = 'Published') THEN 1 ELSE 0 END
                """, ct);
            catalogOffset = await ProjectionOffsets.ReadAsync(session, CatalogProjection.ProjectionName, ct);
        }
        var semanticOffset = await ProjectionOffsets.ReadAsync(session, SemanticProjection.ProjectionName, ct);
        if (catalogOffset < semanticOffset)
            await session.ExecuteAsync("""UPDATE projection_offsets SET "offset" = @offset WHERE name = @name""", ct,
                ("offset", catalogOffset), ("name", SemanticProjection.ProjectionName));
        var generation = await ProjectionOffsets.ReadAsync(session, SemanticProjection.GenerationName, ct);
        var now = DateTimeOffset.UtcNow;
        await ProjectionOffsets.StoreAsync(session, SemanticProjection.GenerationName, generation + 1, now, now, ct);
    }

    private static async Task<bool> HasColumnAsync(ReadModelSession session, string table, string column, CancellationToken ct) =>
        Convert.ToInt64(await session.ScalarAsync(session.IsSqlite
            ? "SELECT COUNT(*) FROM pragma_table_info(@table) WHERE name = @column"
            : "SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @table AND column_name = @column",
            ct, ("table", table), ("column", column))) > 0;
}
