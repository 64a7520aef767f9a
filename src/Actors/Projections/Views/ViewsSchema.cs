namespace MediaPlatform.Actors.Projections.Views;

/// <summary>
/// The views read table. views_daily: per title and UTC day ("yyyy-MM-dd" text, so days sort and compare as text),
/// the number of new views that began that day. Its primary key serves both questions asked of it: one title's days,
/// newest first, and their sum.
/// </summary>
public static class ViewsSchema
{
    public const string Table = "views_daily";

    public static IReadOnlyList<string> Ddl(ReadModelDialect dialect)
    {
        var (integer, text) = dialect == ReadModelDialect.Sqlite ? ("INTEGER", "TEXT") : ("bigint", "text");
        return
        [
            $"""
            CREATE TABLE IF NOT EXISTS {Table} (title_id {text} NOT NULL, day {text} NOT NULL, views {integer} NOT NULL,
              PRIMARY KEY (title_id, day))
            """,
        ];
    }
}
