namespace MediaPlatform.Actors.Projections.Semantic;

/// <summary>
/// This node's copy of the semantic read model in memory, searched by brute force: the query vector against every
/// title vector and every dialogue window the caller may see (unit vectors, so cosine is a dot product). Vectors are
/// held as int8 with a scale (<see cref="QuantizedVector"/>), and at most <paramref name="maxVectors"/> of them:
/// titles first, then dialogue windows until the index is full; past that it holds no more windows, logs it once per
/// refresh that skips some (<paramref name="log"/>) and <see cref="IsTruncated"/> lets a search say so.
/// Refreshed from the tables before a search when the semantic projection's offset has moved: only titles whose
/// changed_offset is newer are reloaded; a rebuild (a new generation in projection_offsets, or an offset that went
/// back) reloads everything. Searches read an immutable snapshot, so they never wait for a refresh in progress
/// beyond the first.
/// </summary>
public sealed class SemanticIndex(ReadModelSchema schema, int maxVectors = SemanticSearchSettings.DefaultMaxVectors, Action<string>? log = null)
{
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile Snapshot _snapshot = Snapshot.Empty;

    /// <summary>Vectors held in memory (titles plus dialogue windows).</summary>
    public int VectorCount => _snapshot.VectorCount;

    public int MaxVectors => maxVectors;

    /// <summary>Whether some stored vectors are not in memory because the index reached <see cref="MaxVectors"/>.</summary>
    public bool IsTruncated => _snapshot.Truncated;

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await schema.EnsureAsync(cancellationToken);
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            var current = _snapshot;
            await using var session = await schema.Database.OpenAsync(cancellationToken);
            // Offset and generation in one statement: read apart, a rebuild committing between them would pair the old
            // offset with the new generation, and a later incremental load would skip rebuilt rows below that offset.
            var marks = await session.QueryAsync("""SELECT name, "offset" FROM projection_offsets WHERE name IN (@offset, @generation)""",
                r => (Name: r.GetString(0), Value: Convert.ToInt64(r.GetValue(1))), cancellationToken,
                ("offset", SemanticProjection.ProjectionName), ("generation", SemanticProjection.GenerationName));
            var offset = marks.FirstOrDefault(m => m.Name == SemanticProjection.ProjectionName).Value;
            var generation = marks.FirstOrDefault(m => m.Name == SemanticProjection.GenerationName).Value;
            if (offset == current.Offset && generation == current.Generation) return;
            // A rebuild (a new generation, or an offset that went back) rewrote rows with old offsets: reload them all.
            var since = offset < current.Offset || generation != current.Generation ? -1 : current.Offset;
            var load = new SemanticIndexLoad(since < 0 ? null : current.Titles, maxVectors);
            await SemanticRows.LoadChangedAsync(session, since, load, cancellationToken);
            _snapshot = load.Changed || since < 0
                ? new Snapshot(offset, generation, load.Titles, (since >= 0 && current.Truncated) || load.Skipped > 0)
                : current with { Offset = offset, Generation = generation };
            if (load.Skipped > 0)
                log?.Invoke($"semantic index is full ({SemanticSearchSettings.Path}.max-vectors = {maxVectors}): {load.Skipped} vectors " +
                    "(dialogue windows first, then titles) are not held in memory and are not searched by meaning on this node");
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>Every title the caller may see whose best vector reaches <paramref name="minSimilarity"/>, best first (then by title id): at most <paramref name="max"/> of them, and how many there are.</summary>
    public SemanticRanking Rank(float[] query, double minSimilarity, int max, TitleVisibility visibility) =>
        Rank(_snapshot.Titles.Values, query, minSimilarity, max, visibility);

    /// <summary>
    /// The brute force itself (the bench times it over synthetic vectors). Titles the caller may not see are passed over
    /// before any are kept, so many better matches among other users' drafts cannot crowd out a visible one.
    /// </summary>
    public static SemanticRanking Rank(IEnumerable<TitleVectors> titles, float[] query, double minSimilarity, int max, TitleVisibility visibility)
    {
        var found = new List<SemanticCandidate>();
        foreach (var title in titles)
        {
            if (!visibility.Allows(title)) continue;
            var best = new SemanticCandidate(title.TitleId, title.Vector.Dot(query), null);
            foreach (var window in title.Windows)
            {
                var score = window.Vector.Dot(query);
                if (score > best.Similarity) best = new SemanticCandidate(title.TitleId, score, window);
            }
            if (best.Similarity >= minSimilarity) found.Add(best);
        }
        found.Sort((a, b) => b.Similarity != a.Similarity ? b.Similarity.CompareTo(a.Similarity) : string.CompareOrdinal(a.TitleId, b.TitleId));
        return new SemanticRanking(found.Count > max ? found.GetRange(0, max) : found, found.Count);
    }

    private sealed record Snapshot(long Offset, long Generation, IReadOnlyDictionary<string, TitleVectors> Titles, bool Truncated)
    {
        public static readonly Snapshot Empty = new(0, 0, new Dictionary<string, TitleVectors>(), false);
        public int VectorCount { get; } = Titles.Values.Sum(t => 1 + t.Windows.Count);
    }
}

/// <summary>
/// One title's vectors in memory: its name and description, and its dialogue windows (all languages), with who may
/// see it (its owner, and whether it is published: the same rule as the catalog's).
/// </summary>
public sealed record TitleVectors(string TitleId, string OwnerId, bool Published, QuantizedVector Vector, IReadOnlyList<WindowVector> Windows);

public sealed record WindowVector(string Language, long StartMs, string Text, QuantizedVector Vector);

/// <summary>A title's best semantic match: its own vector (<paramref name="Window"/> null) or one dialogue window.</summary>
public sealed record SemanticCandidate(string TitleId, float Similarity, WindowVector? Window);

/// <summary>The best visible matches kept, and how many visible titles matched in all (<paramref name="Matches"/> ≥ the kept count).</summary>
public sealed record SemanticRanking(IReadOnlyList<SemanticCandidate> Best, int Matches);
