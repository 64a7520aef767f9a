using System.Diagnostics;
using Akka.Persistence.Query;
using MediaPlatform.Actors.Projections;
using MediaPlatform.Actors.Projections.Catalog;
using MediaPlatform.Actors.Projections.Semantic;
using MediaPlatform.Actors.Storage;
using MediaPlatform.Actors.Titles;
using Microsoft.Data.Sqlite;

namespace MediaPlatform.Bench.Projections;

/// <summary>
/// Semantic search costs, on a SQLite read model (the model's CPU time dominates; the database barely shows):
/// the model's first load; the semantic projection's embedding cost per title (its name and description plus its
/// dialogue windows) and per feature-length track; a query's embedding and the whole hybrid search p50/p99 over that
/// read model; the brute-force cosine alone over synthetic int8 vectors (ms per 10,000 vectors), which is where
/// brute force stops scaling; and the index's memory per 100,000 vectors, float32 as it was beside int8 as it is.
/// </summary>
public static class SemanticBench
{
    private static readonly string[] Queries =
    [
        "a sailor lost in a winter storm", "films about a storm at sea", "a secret letter from a mother", "a thief steals gold at night",
        "a journey across the mountains", "a soldier comes home from war", "a doctor fights a fire", "dreams and memories of a painter",
    ];

    public static async Task<IReadOnlyList<string[]>> RunAsync(int titleCount, int cues, int queryCount, int filmCues)
    {
        var rows = new List<string[]>();
        using var dir = new TempDirectory("semantic-bench");
        var database = new ReadModelDatabase(ReadModelDialect.Sqlite,
            () => new SqliteConnection($"Data Source={Path.Combine(dir.Path, "read.db")};Pooling=true"), TimeSpan.FromSeconds(5));
        var blobs = new DirectoryBlobStore(Path.Combine(dir.Path, "blobs"));
        var embedder = MiniLmEmbedder.Shared;
        var settings = SemanticSearchSettings.Default;

        var load = Stopwatch.StartNew();
        embedder.Embed(["warm up"], CancellationToken.None);
        rows.Add(["model load (first use)", $"{load.Elapsed.TotalMilliseconds:N0} ms", $"{Environment.WorkingSet / 1024 / 1024:N0} MB working set after"]);

        var catalog = new CatalogProjection(blobs);
        var semantic = new SemanticProjection(blobs, embedder, settings);
        var schema = new ReadModelSchema(database, [catalog, semantic]);
        await schema.EnsureAsync();
        var corpus = await TitleCorpus.GenerateAsync(blobs, titleCount, cues);
        var envelopes = Envelopes(corpus.SelectMany(t => t.Events));
        foreach (var batch in envelopes.Chunk(200)) await ProjectionRunner.ApplyBatchAsync(catalog, database, batch);
        var project = Stopwatch.StartNew();
        foreach (var batch in envelopes.Chunk(200)) await ProjectionRunner.ApplyBatchAsync(semantic, database, batch);
        var perTitle = project.Elapsed.TotalMilliseconds / titleCount;
        var windows = (cues + settings.WindowCues - 1) / settings.WindowCues;
        rows.Add([$"semantic projection, {titleCount} titles × (1 + {windows} windows of {settings.WindowCues} cues)",
            $"{perTitle:0.0} ms/title", $"{project.Elapsed.TotalMilliseconds / (titleCount * (1 + windows)):0.0} ms per embedded text"]);

        var film = await TitleCorpus.GenerateAsync(blobs, 1, filmCues, "t-film");
        var filmWatch = Stopwatch.StartNew();
        await ProjectionRunner.ApplyBatchAsync(semantic, database, Envelopes(film[0].Events, envelopes.Count));
        var filmWindows = DialogueWindows.From(Enumerable.Repeat(new IndexedCue(TimeSpan.Zero, TimeSpan.Zero, "x"), filmCues).ToList(), settings.WindowCues).Count;
        rows.Add([$"one feature-length track: {filmCues} cues → {filmWindows} windows", $"{filmWatch.Elapsed.TotalSeconds:0.0} s", ""]);

        // Query time: the embedding alone, and the whole hybrid search (embed, refresh check, cosine, text search, fuse).
        ICatalogSearch text = new SqliteCatalogSearch(schema);
        var index = new SemanticIndex(schema);
        var search = new HybridCatalogSearch(text, index, embedder, schema, settings);
        await index.RefreshAsync(CancellationToken.None);
        var embed = new List<double>();
        var hybrid = new List<double>();
        for (var i = 0; i < queryCount; i++)
        {
            var q = $"{Queries[i % Queries.Length]} {i}";
            var watch = Stopwatch.StartNew();
            embedder.Embed([q], CancellationToken.None);
            embed.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            await search.SearchAsync(new SearchRequest(q, SearchMode.Hybrid, null, false, 20, 0), CancellationToken.None);
            hybrid.Add(watch.Elapsed.TotalMilliseconds);
        }
        rows.Add(["query embedding", Percentiles(embed), $"{queryCount} queries"]);
        rows.Add([$"hybrid search over {index.VectorCount:N0} stored vectors", Percentiles(hybrid), "embed + cosine + FTS5 + fuse"]);

        // Brute force alone over synthetic unit vectors (held as int8, as the index holds them): linear in the vector count.
        foreach (var (titles, perTitleVectors) in new[] { (10_000, 1), (10_000, 10), (100_000, 1) })
        {
            var random = new Random(3);
            var synthetic = Enumerable.Range(0, titles).Select(t => new TitleVectors($"t{t}", "u1", true, QuantizedVector.From(Unit(random, embedder.Dimensions)),
                Enumerable.Range(1, perTitleVectors - 1).Select(w => new WindowVector("en", w, "", QuantizedVector.From(Unit(random, embedder.Dimensions)))).ToList())).ToList();
            var query = Unit(random, embedder.Dimensions);
            var times = new List<double>();
            for (var run = 0; run < 30; run++)
            {
                var watch = Stopwatch.StartNew();
                SemanticIndex.Rank(synthetic, query, settings.MinSimilarity, HybridCatalogSearch.DefaultCandidates, TitleVisibility.Everything);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
            var vectors = titles * perTitleVectors;
            // The same scan over float32 copies, as the index held them before: the ratio is this run's, whatever the load.
            var floatCopies = synthetic.Select(t => Dequantised(t.Vector)).Concat(synthetic.SelectMany(t => t.Windows.Select(w => Dequantised(w.Vector)))).ToList();
            var floatTimes = new List<double>();
            for (var run = 0; run < 30; run++)
            {
                var watch = Stopwatch.StartNew();
                var above = 0;
                foreach (var v in floatCopies) if (FloatDot(query, v) >= settings.MinSimilarity) above++;
                floatTimes.Add(watch.Elapsed.TotalMilliseconds);
                GC.KeepAlive(above);
            }
            rows.Add([$"brute-force cosine (int8), {vectors:N0} vectors ({titles:N0} titles)", Percentiles(times),
                $"{Statistics.Median(times) / (vectors / 10_000.0):0.00} ms per 10k vectors; float32 dot alone, same vectors: {Statistics.Median(floatTimes) / (vectors / 10_000.0):0.00}"]);
        }

        // Memory the index holds per 100,000 vectors (10,000 titles × 1 + 9 dialogue windows of 200 characters), as it held
        // them before (float32 arrays, the records' old shape) and now (int8 and a scale): the managed heap's growth.
        var dims = embedder.Dimensions;
        var floats = HeapGrowth(() => Corpus((r, t) => new Float32Title(t, Unit(r, dims), Windows(9, w => new Float32Window("en", w, Text(), Unit(r, dims))))));
        var int8 = HeapGrowth(() => Corpus((r, t) => new TitleVectors(t, "u1", true, QuantizedVector.From(Unit(r, dims)),
            Windows(9, w => new WindowVector("en", w, Text(), QuantizedVector.From(Unit(r, dims)))))));
        rows.Add(["index memory per 100,000 vectors (384 dims, 200-char windows)", $"float32 {floats / 1e6:N0} MB → int8 {int8 / 1e6:N0} MB",
            $"the vectors alone: {100_000L * (dims * 4 + 24) / 1e6:N0} MB → {100_000L * (dims + 24) / 1e6:N0} MB; the rest is window text and records"]);
        return rows;
    }

    private static float[] Dequantised(QuantizedVector v) => v.Values.Select(x => x * v.Scale).ToArray();

    private static float FloatDot(float[] a, float[] b)
    {
        var sum = System.Numerics.Vector<float>.Zero;
        var i = 0;
        for (; i <= a.Length - System.Numerics.Vector<float>.Count; i += System.Numerics.Vector<float>.Count)
            sum += new System.Numerics.Vector<float>(a, i) * new System.Numerics.Vector<float>(b, i);
        var total = System.Numerics.Vector.Sum(sum);
        for (; i < a.Length; i++) total += a[i] * b[i];
        return total;
    }

    private static List<T> Corpus<T>(Func<Random, string, T> title)
    {
        var random = new Random(5);
        return Enumerable.Range(0, 10_000).Select(t => title(random, $"t-{t:D8}")).ToList();
    }

    private static List<T> Windows<T>(int count, Func<long, T> window) => Enumerable.Range(0, count).Select(w => window(w * 1000L)).ToList();

    /// <summary>A distinct string per window, as each row read from the database is.</summary>
    private static string Text() => new('a', 200);

    private sealed record Float32Title(string TitleId, float[] Vector, IReadOnlyList<Float32Window> Windows);

    private sealed record Float32Window(string Language, long StartMs, string Text, float[] Vector);

    private static long HeapGrowth(Func<object> build)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var held = build();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(held);
        return after - before;
    }

    private static List<EventEnvelope> Envelopes(IEnumerable<ITitleEvent> events, int after = 0) =>
        events.Select((e, i) => new EventEnvelope(Offset.Sequence(after + i + 1), TitleEntity.PersistenceIdPrefix + i, i + 1, e, 0,
            [TitleEventTagger.Tag])).ToList();

    private static float[] Unit(Random random, int dimensions)
    {
        var v = new float[dimensions];
        for (var i = 0; i < dimensions; i++) v[i] = (float)(random.NextDouble() * 2 - 1);
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        for (var i = 0; i < dimensions; i++) v[i] /= norm;
        return v;
    }

    private static string Percentiles(List<double> values)
    {
        var sorted = values.Order().ToList();
        return $"p50 {Statistics.Median(sorted):0.0} ms, p99 {sorted[(int)Math.Ceiling(sorted.Count * 0.99) - 1]:0.0} ms";
    }
}
