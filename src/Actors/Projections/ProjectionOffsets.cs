namespace MediaPlatform.Actors.Projections;

/// <summary>
/// Table projection_offsets(name, offset, updated_at, event_at): per projection, the journal ordering of the last
/// event applied, when that was stored and the event's own time (for seconds behind). Written only in a projection's
/// batch transaction, never on its own. Times are Unix milliseconds, the same in both dialects.
/// </summary>
public static class ProjectionOffsets
{
    public static string Ddl(ReadModelDialect dialect) => dialect == ReadModelDialect.Sqlite
        ? """CREATE TABLE IF NOT EXISTS projection_offsets (name TEXT PRIMARY KEY, "offset" INTEGER NOT NULL, updated_at INTEGER NOT NULL, event_at INTEGER NOT NULL)"""
        : """CREATE TABLE IF NOT EXISTS projection_offsets (name text PRIMARY KEY, "offset" bigint NOT NULL, updated_at bigint NOT NULL, event_at bigint NOT NULL)""";

    /// <summary>The offset to resume after: 0 (from the start) when the projection never stored one.</summary>
    public static async Task<long> ReadAsync(ReadModelSession session, string name, CancellationToken cancellationToken) =>
        await session.ScalarAsync("""SELECT "offset" FROM projection_offsets WHERE name = @name""", cancellationToken, ("name", name)) is { } value
            ? Convert.ToInt64(value)
            : 0;

    public static Task StoreAsync(ReadModelSession session, string name, long offset, DateTimeOffset eventAt, DateTimeOffset now, CancellationToken cancellationToken) =>
        session.ExecuteAsync("""
            INSERT INTO projection_offsets (name, "offset", updated_at, event_at) VALUES (@name, @offset, @now, @eventAt)
            ON CONFLICT (name) DO UPDATE SET "offset" = excluded."offset", updated_at = excluded.updated_at, event_at = excluded.event_at
            """, cancellationToken,
            ("name", name), ("offset", offset), ("now", now.ToUnixTimeMilliseconds()), ("eventAt", eventAt.ToUnixTimeMilliseconds()));

    public static Task DeleteAsync(ReadModelSession session, string name, CancellationToken cancellationToken) =>
        session.ExecuteAsync("DELETE FROM projection_offsets WHERE name = @name", cancellationToken, ("name", name));

    /// <summary>The stored row, or null before the first batch.</summary>
    public static async Task<(long Offset, DateTimeOffset UpdatedAt, DateTimeOffset EventAt)?> RowAsync(ReadModelSession session, string name, CancellationToken cancellationToken)
    {
        var rows = await session.QueryAsync("""SELECT "offset", updated_at, event_at FROM projection_offsets WHERE name = @name""",
            r => (Convert.ToInt64(r.GetValue(0)), DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(r.GetValue(1))),
                DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(r.GetValue(2)))),
            cancellationToken, ("name", name));
        return rows.Count == 0 ? null : rows[0];
    }
}
