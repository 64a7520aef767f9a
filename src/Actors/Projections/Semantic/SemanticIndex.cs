using System.Numerics;

namespace MediaPlatform.Actors.Projections.Semantic;

/// <summary>
/// This node's copy of the semantic read model in memory, searched by brute force: the query vector against every
/// title vector and every dialogue window (unit vectors, so cosine is a dot product). Refreshed from the tables before
/// a search when the semantic projection's offset has moved: only titles whose changed_offset is newer are reloaded;
/// a rebuild (a new generation in projection_offsets, or an offset that went back) reloads everything. Searches read an immutable snapshot, so they never wait
/// for a refresh in progress beyond the first.
/// </summary>
public sealed class SemanticIndex(ReadModelSchema schema)
{
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile Snapshot _snapshot = Snapshot.Empty;

    /// <summary>Vectors held in memory (titles plus dialogue windows).</summary>
    public int VectorCount => _snapshot.VectorCount;

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await schema.EnsureAsync(cancellationToken);
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            var current = _snapshot;
            await using var session = await schema.Database.OpenAsync(cancellationToken);
            var offset = await ProjectionOffsets.ReadAsync(session, SemanticProjection.ProjectionName, cancellationToken);
            var generation = await ProjectionOffsets.ReadAsync(session, SemanticProjection.GenerationName, cancellationToken);
            if (offset == current.Offset && generation == current.Generation) return;
            // A rebuild (a new generation, or an offset that went back) rewrote rows with old offsets: reload them all.
            var since = offset < current.Offset || generation != current.Generation ? -1 : current.Offset;
            var titles = since < 0 ? new Dictionary<string, TitleVectors>(StringComparer.Ordinal) : new Dictionary<string, TitleVectors>(current.Titles, StringComparer.Ordinal);
            foreach (var changed in await SemanticRows.ReadChangedAsync(session, since, cancellationToken)) titles[changed.TitleId] = changed;
            _snapshot = new Snapshot(offset, generation, titles);
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>Every title whose best vector reaches <paramref name="minSimilarity"/>, best first (then by title id), at most <paramref name="max"/>.</summary>
    public IReadOnlyList<SemanticCandidate> Rank(float[] query, double minSimilarity, int max) =>
        Rank(_snapshot.Titles.Values, query, minSimilarity, max);

    /// <summary>The brute force itself: every vector of every title against the query (the bench times it over synthetic vectors).</summary>
    public static IReadOnlyList<SemanticCandidate> Rank(IEnumerable<TitleVectors> titles, float[] query, double minSimilarity, int max)
    {
        var found = new List<SemanticCandidate>();
        foreach (var title in titles)
        {
            var best = new SemanticCandidate(title.TitleId, Dot(query, title.Vector), null);
            foreach (var window in title.Windows)
            {
                var score = Dot(query, window.Vector);
                if (score > best.Similarity) best = new SemanticCandidate(title.TitleId, score, window);
            }
            if (best.Similarity >= minSimilarity) found.Add(best);
        }
        found.Sort((a, b) => b.Similarity != a.Similarity ? b.Similarity.CompareTo(a.Similarity) : string.CompareOrdinal(a.TitleId, b.TitleId));
        return found.Count > max ? found.GetRange(0, max) : found;
    }

    public static float Dot(float[] a, float[] b)
    {
        if (a.Length != b.Length) return float.NegativeInfinity; // a vector from another model: never a match
        var sum = Vector<float>.Zero;
        var i = 0;
        for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count) sum += new Vector<float>(a, i) * new Vector<float>(b, i);
        var total = Vector.Sum(sum);
        for (; i < a.Length; i++) total += a[i] * b[i];
        return total;
    }

    private sealed record Snapshot(long Offset, long Generation, IReadOnlyDictionary<string, TitleVectors> Titles)
    {
        public static readonly Snapshot Empty = new(0, 0, new Dictionary<string, TitleVectors>());
        public int VectorCount { get; } = Titles.Values.Sum(t => 1 + t.Windows.Count);
    }
}

/// <summary>One title's vectors in memory: its name and description, and its dialogue windows (all languages).</summary>
public sealed record TitleVectors(string TitleId, float[] Vector, IReadOnlyList<WindowVector> Windows);

public sealed record WindowVector(string Language, long StartMs, string Text, float[] Vector);

/// <summary>A title's best semantic match: its own vector (<paramref name="Window"/> null) or one dialogue window.</summary>
public sealed record SemanticCandidate(string TitleId, float Similarity, WindowVector? Window);
