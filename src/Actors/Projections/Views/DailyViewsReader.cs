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
        var days = await session.QueryAsync($"""
            SELECT day, views FROM {ViewsSchema.Table} WHERE title_id = @title ORDER BY day DESC LIMIT {MaxDays}
            """, r => new DayViews(DateOnly.ParseExact(r.GetString(0), "yyyy-MM-dd", CultureInfo.InvariantCulture), Convert.ToInt64(r.GetValue(1))),
            cancellationToken, ("title", titleId));
        // SUM is a bigint on SQLite, numeric on PostgreSQL, null over no rows.
        var total = await session.ScalarAsync($"SELECT SUM(views) FROM {ViewsSchema.Table} WHERE title_id = @title", cancellationToken, ("title", titleId));
        return new TitleDailyViews(titleId, total is null ? 0 : Convert.ToInt64(total, CultureInfo.InvariantCulture), days);
    }
}
