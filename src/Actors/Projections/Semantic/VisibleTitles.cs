using MediaPlatform.Actors.Projections.Catalog;

namespace MediaPlatform.Actors.Projections.Semantic;

/// <summary>
/// The catalog rows of titles found by meaning, filtered by the same visibility as the text search (published, the
/// viewer's own, or everything for an admin): the semantic index holds vectors only, the catalog holds who may see what.
/// </summary>
public static class VisibleTitles
{
    public static async Task<IReadOnlyDictionary<string, CatalogSearchHit>> ReadAsync(ReadModelSchema schema, IReadOnlyList<string> titleIds,
        string? viewerId, bool viewerIsAdmin, CancellationToken ct)
    {
        if (titleIds.Count == 0) return new Dictionary<string, CatalogSearchHit>();
        await using var session = await schema.Database.OpenAsync(ct);
        var ids = string.Join(", ", titleIds.Select((_, i) => $"@t{i}"));
        var rows = await session.QueryAsync($"""
            SELECT title_id, name, description, status, duration_ms, rungs, languages FROM catalog_titles
            WHERE title_id IN ({ids}) AND (status = 'Published' OR owner_id = @viewer OR @admin)
            """, r => new CatalogSearchHit(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3),
                r.IsDBNull(4) ? null : Convert.ToInt64(r.GetValue(4)) / 1000.0, SqlCatalogSearch.Split(r.GetString(5)),
                SqlCatalogSearch.Split(r.GetString(6)), CatalogMatch.Description, []), ct,
            [("viewer", viewerId ?? ""), ("admin", viewerIsAdmin), .. titleIds.Select((id, i) => ($"t{i}", (object?)id))]);
        return rows.ToDictionary(r => r.TitleId, StringComparer.Ordinal);
    }
}
