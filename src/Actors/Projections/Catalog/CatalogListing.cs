using System.Data.Common;
using MediaPlatform.Actors.Images;
using MediaPlatform.Actors.Titles;

namespace MediaPlatform.Actors.Projections.Catalog;

/// <summary>
/// GET /api/titles from the catalog read model (catalog_titles), the same statement on SQLite and PostgreSQL:
/// visibility, the status filter and every name word in the WHERE (a word is a plain substring of name_folded: instr on
/// SQLite, strpos on PostgreSQL, both exact and case-sensitive on already-folded text, so no LIKE wildcards to escape),
/// newest first, the total beside each row. As fresh as the projection: a title's change shows once the catalog
/// projection has applied it (the read journal's polling, about a second).
/// </summary>
public sealed class CatalogListing(ReadModelSchema schema)
{
    public async Task<TitleList> ListAsync(CatalogListingQuery query, CancellationToken cancellationToken)
    {
        await schema.EnsureAsync(cancellationToken);
        await using var session = await schema.Database.OpenAsync(cancellationToken);
        var words = query.Words;
        var position = session.IsSqlite ? "instr" : "strpos";
        var matches = string.Concat(words.Select((_, i) => $" AND {position}(name_folded, @w{i}) > 0"));
        var status = query.Status is null ? "" : " AND status = @status";
        var order = session.IsSqlite ? "title_id" : "title_id COLLATE \"C\"";
        var sql = $"""
            SELECT title_id, owner_id, name, status, created_at, updated_at, progress_percent, failure_reason,
              artwork_image_id, artwork_variants, artwork_submitted_at, COUNT(*) OVER () AS total
            FROM catalog_titles
            WHERE (status = 'Published' OR owner_id = @viewer OR @admin){status}{matches}
            ORDER BY created_at DESC, {order}
            LIMIT @limit
            """;
        (string, object?)[] parameters =
        [
            ("viewer", query.ViewerId ?? ""), ("admin", query.ViewerIsAdmin), ("limit", Math.Clamp(query.Limit, 1, CatalogListingQuery.MaxLimit)),
            .. words.Select((w, i) => ($"w{i}", (object?)w)), .. query.Status is { } wanted ? [("status", wanted.ToString())] : Array.Empty<(string, object?)>(),
        ];
        var total = 0;
        var titles = await session.QueryAsync(sql, r =>
        {
            total = Convert.ToInt32(r.GetValue(11));
            return Summary(r);
        }, cancellationToken, parameters);
        return new TitleList(titles, total);
    }

    private static TitleSummary Summary(DbDataReader r)
    {
        var status = Enum.Parse<TitleStatus>(r.GetString(3));
        return new TitleSummary(r.GetString(0), r.GetString(1), r.GetString(2), status, Time(r.GetValue(4))!.Value, Time(r.GetValue(5))!.Value,
            status == TitleStatus.Transcoding && !r.IsDBNull(6) ? Convert.ToDouble(r.GetValue(6)) : null,
            r.IsDBNull(7) ? null : r.GetString(7),
            r.IsDBNull(8) ? null : new StoredImageRef(r.GetString(8), SqlCatalogSearch.Split(r.IsDBNull(9) ? "" : r.GetString(9)),
                Time(r.GetValue(10)) ?? DateTimeOffset.UnixEpoch));
    }

    private static DateTimeOffset? Time(object value) => value is DBNull ? null : DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(value));
}
