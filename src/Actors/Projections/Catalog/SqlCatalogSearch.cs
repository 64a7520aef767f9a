using System.Data.Common;

namespace MediaPlatform.Actors.Projections.Catalog;

/// <summary>
/// The search both databases share: one statement finds every visible title with its best tier and the total, ordered
/// by tier then name key (byte order on both, so both databases page alike); a second reads the matching cues of the
/// page's titles. A subclass says only how a column matches the words. Every value is a parameter.
/// </summary>
public abstract class SqlCatalogSearch(ReadModelSchema schema) : ICatalogSearch
{
    /// <summary>SQL selecting (title_id) of titles whose name has every word, the same for descriptions, and (title_id, cue_id) of matching cues.</summary>
    protected abstract string NameHits { get; }
    protected abstract string DescriptionHits { get; }
    protected abstract string CueHits { get; }
    /// <summary>ORDER BY's name key, in byte order.</summary>
    protected abstract string NameKeyOrder { get; }
    /// <summary>The parameters the hit clauses use.</summary>
    protected abstract IEnumerable<(string Name, object? Value)> MatchParameters(IReadOnlyList<string> words);

    public async Task<CatalogSearchPage> SearchAsync(CatalogSearchQuery query, CancellationToken cancellationToken)
    {
        if (query.Words.Count == 0) return new CatalogSearchPage([], 0, query.Offset, query.Limit);
        await schema.EnsureAsync(cancellationToken);
        await using var session = await schema.Database.OpenAsync(cancellationToken);
        var sql = $"""
            WITH hits (title_id, tier) AS (
              SELECT title_id, 0 FROM catalog_titles WHERE name_key = @exact
              UNION ALL SELECT title_id, 1 FROM ({NameHits}) n
              UNION ALL SELECT title_id, 2 FROM ({DescriptionHits}) d
              UNION ALL SELECT title_id, 3 FROM ({CueHits}) c)
            SELECT t.title_id, t.name, t.description, t.status, t.duration_ms, t.rungs, t.languages, MIN(h.tier) AS tier,
              COUNT(*) OVER () AS total
            FROM hits h JOIN catalog_titles t ON t.title_id = h.title_id
            WHERE t.status = 'Published' OR t.owner_id = @viewer OR @admin
            GROUP BY t.title_id, t.name, t.name_key, t.description, t.status, t.duration_ms, t.rungs, t.languages
            ORDER BY tier, {NameKeyOrder}, t.title_id
            LIMIT @limit OFFSET @offset
            """;
        (string, object?)[] parameters =
        [
            ("exact", query.ExactKey), ("viewer", query.ViewerId ?? ""), ("admin", query.ViewerIsAdmin),
            ("limit", query.Limit), ("offset", query.Offset), .. MatchParameters(query.Words),
        ];
        long total = 0;
        var rows = await session.QueryAsync(sql, r =>
        {
            total = Convert.ToInt64(r.GetValue(8));
            return (Id: r.GetString(0), Name: r.GetString(1), Description: r.GetString(2), Status: r.GetString(3),
                DurationMs: r.IsDBNull(4) ? (long?)null : Convert.ToInt64(r.GetValue(4)), Rungs: r.GetString(5), Languages: r.GetString(6),
                Tier: Convert.ToInt32(r.GetValue(7)));
        }, cancellationToken, parameters);
        // Past the last page there is no row to carry the window count: the page is empty and says total 0.
        if (rows.Count == 0) return new CatalogSearchPage([], 0, query.Offset, query.Limit);
        var cues = await CuesAsync(session, rows.Select(r => r.Id).ToList(), query.Words, cancellationToken);
        var hits = rows.Select(r => new CatalogSearchHit(r.Id, r.Name, r.Description, r.Status, r.DurationMs / 1000.0,
            Split(r.Rungs), Split(r.Languages), (CatalogMatch)r.Tier, cues.GetValueOrDefault(r.Id) ?? [])).ToList();
        return new CatalogSearchPage(hits, total, query.Offset, query.Limit);
    }

    private async Task<Dictionary<string, List<DialogueHit>>> CuesAsync(ReadModelSession session, IReadOnlyList<string> titleIds,
        IReadOnlyList<string> words, CancellationToken cancellationToken)
    {
        var ids = string.Join(", ", titleIds.Select((_, i) => $"@t{i}"));
        var sql = $"""
            SELECT c.title_id, c.language, c.start_ms, c.text FROM catalog_cues c
            WHERE c.title_id IN ({ids}) AND c.cue_id IN (SELECT cue_id FROM ({CueHits}) m)
            ORDER BY c.title_id, c.start_ms, c.language
            """;
        var rows = await session.QueryAsync(sql, r => (Id: r.GetString(0), Cue: Dialogue(r)), cancellationToken,
            [.. titleIds.Select((id, i) => ($"t{i}", (object?)id)), .. MatchParameters(words)]);
        return rows.GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.Select(r => r.Cue).Take(CatalogSearchQuery.CuesPerTitle).ToList());
    }

    private static DialogueHit Dialogue(DbDataReader r) => DialogueHit.Starting(r.GetString(1), Convert.ToInt64(r.GetValue(2)), r.GetString(3));

    public static IReadOnlyList<string> Split(string csv) => csv.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
