namespace MediaPlatform.Actors.Projections.Semantic;

/// <summary>Reads the semantic tables back into memory for <see cref="SemanticIndex"/>.</summary>
public static class SemanticRows
{
    /// <summary>Every title whose vectors changed after <paramref name="sinceOffset"/> (-1: all), each with all its windows.</summary>
    public static async Task<IReadOnlyList<TitleVectors>> ReadChangedAsync(ReadModelSession session, long sinceOffset, CancellationToken ct)
    {
        var titles = await session.QueryAsync("SELECT title_id, vector FROM semantic_titles WHERE changed_offset > @since",
            r => (Id: r.GetString(0), Vector: VectorBlob.FromBytes((byte[])r.GetValue(1))), ct, ("since", sinceOffset));
        if (titles.Count == 0) return [];
        var windows = await session.QueryAsync("""
            SELECT w.title_id, w.language, w.start_ms, w.text, w.vector FROM semantic_windows w
            JOIN semantic_titles t ON t.title_id = w.title_id WHERE t.changed_offset > @since
            ORDER BY w.title_id, w.start_ms, w.language
            """, r => (Id: r.GetString(0), Window: new WindowVector(r.GetString(1), Convert.ToInt64(r.GetValue(2)), r.GetString(3),
                VectorBlob.FromBytes((byte[])r.GetValue(4)))), ct, ("since", sinceOffset));
        var byTitle = windows.GroupBy(w => w.Id).ToDictionary(g => g.Key, g => g.Select(w => w.Window).ToList());
        return titles.Select(t => new TitleVectors(t.Id, t.Vector, byTitle.GetValueOrDefault(t.Id) ?? [])).ToList();
    }
}
