using System.Globalization;

namespace MediaPlatform.Actors.Projections.Views;

/// <summary>Reads a title's <see cref="TitleDailyViews"/> from views_daily; the same SQL on SQLite and PostgreSQL.</summary>
public sealed class DailyViewsReader(ReadModelSchema schema)
{
    /// <summary>The most days one answer lists (a bit over a year); the total counts every day.</summary>
    public const int MaxDays = 400;

    public async Task<TitleDailyViews> ReadAsync(string titleId, CancellationToken cancellationToken)
    {
        await schema.EnsureAsync(cancellationToken);
        await using var session = await schema.Database.OpenAsync(cancellationToken);
        // One statement, so the days and the total come from the same state of the table while the projection writes.
        // SUM is a bigint on SQLite, numeric on PostgreSQL.
        var rows = await session.QueryAsync($"""
            SELECT day, views, SUM(views) OVER () FROM {ViewsSchema.Table} WHERE title_id = @title ORDER BY day DESC LIMIT {MaxDays}
            """, r => (Day: new DayViews(DateOnly.ParseExact(r.GetString(0), "yyyy-MM-dd", CultureInfo.InvariantCulture), Convert.ToInt64(r.GetValue(1))),
                Total: Convert.ToInt64(r.GetValue(2), CultureInfo.InvariantCulture)),
            cancellationToken, ("title", titleId));
        var days = rows.Select(r => r.Day).ToList();
        var total = rows.Count == 0 ? 0 : rows[0].Total;
        return new TitleDailyViews(titleId, total, days);
    }
}
