namespace MediaPlatform.Actors.Projections.Semantic;

/// <summary>Reads the semantic tables back into memory for <see cref="SemanticIndex"/>, quantising each vector as it is read.</summary>
public static class SemanticRows
{
    /// <summary>
    /// Every title whose vectors or visibility changed after <paramref name="sinceOffset"/> (-1: all) into
    /// <paramref name="load"/>: their own vectors first, then as many of their windows as the load has room for (the
    /// query stops there, so a full index never reads the rest).
    /// </summary>
    public static async Task LoadChangedAsync(ReadModelSession session, long sinceOffset, SemanticIndexLoad load, CancellationToken ct)
    {
        var titles = await session.QueryAsync("""
            SELECT title_id, owner_id, published, vector FROM semantic_titles WHERE changed_offset > @since ORDER BY title_id
            """, r => new TitleVectors(r.GetString(0), r.GetString(1), Convert.ToInt64(r.GetValue(2)) != 0, Quantized(r.GetValue(3)), []),
            ct, ("since", sinceOffset));
        if (titles.Count == 0) return;
        foreach (var title in titles) load.AddTitle(title);
        const string changedWindows = "FROM semantic_windows w JOIN semantic_titles t ON t.title_id = w.title_id WHERE t.changed_offset > @since";
        var room = load.Room;
        var read = 0;
        if (room > 0)
        {
            var windows = await session.QueryAsync($"""
                SELECT w.title_id, w.language, w.start_ms, w.text, w.vector {changedWindows}
                ORDER BY w.title_id, w.start_ms, w.language LIMIT @room
                """, r => (Id: r.GetString(0), Window: new WindowVector(string.Intern(r.GetString(1)), Convert.ToInt64(r.GetValue(2)),
                    r.GetString(3), Quantized(r.GetValue(4)))), ct, ("since", sinceOffset), ("room", (long)room));
            foreach (var (id, window) in windows) load.AddWindow(id, window);
            read = windows.Count;
        }
        if (read == room)
        {
            var stored = Convert.ToInt64(await session.ScalarAsync($"SELECT COUNT(*) {changedWindows}", ct, ("since", sinceOffset)));
            if (stored > read) load.SkipUnread((int)(stored - read));
        }
        load.Complete();
    }

    private static QuantizedVector Quantized(object blob) => QuantizedVector.From(VectorBlob.FromBytes((byte[])blob));
}
