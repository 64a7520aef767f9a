using System.Diagnostics;
using Akka.Actor;
using Akka.Persistence.Query;
using Akka.Streams;
using MediaPlatform.Actors.Projections;
using MediaPlatform.Actors.Projections.Catalog;
using MediaPlatform.Actors.Storage;
using MediaPlatform.Actors.Titles;
using MediaPlatform.Node.Hosting;
using Npgsql;

namespace MediaPlatform.Bench.Projections;

/// <summary>
/// Read models, one run per database (SQLite file; PostgreSQL when TEST_POSTGRES names a server):
/// 1. projection throughput: the catalog projection (ProjectionSupervisor, node settings) applying every title event
///    of a generated corpus into its tables, events/s, beside the journal's own replay of the same tag (goal ≥ 50 %);
/// 2. search latency p50/p99 over the same read model (every title with a subtitle track), queries through ICatalogSearch;
/// 3. semantic search (<see cref="SemanticBench"/>): embedding cost per title and per film, query latency, brute force per 10k vectors.
/// --lag runs only <see cref="LagBench"/>: projection lag in a 3-process cluster under write load, with a fail-over.
/// </summary>
public static class Program
{
    private const string Usage = "Projections.Bench [--titles N (10000)] [--cues N per title (20)] [--queries N (300)] [--sqlite-only] " +
                                 "[--semantic-titles N (200)] [--film-cues N (1500)] [--semantic-only] " +
                                 "| --lag [--lag-seconds N (60)] [--lag-clients N (4)] [--lag-postgres (needs TEST_POSTGRES)]";

    public static async Task<int> Main(string[] args)
    {
        var (titles, cues, queries, sqliteOnly) = (10_000, 20, 300, false);
        var (semanticTitles, filmCues, semanticOnly) = (200, 1500, false);
        var (lag, lagOptions, lagPostgres) = (false, LagOptions.Default, false);
        BenchArguments.OrExit(() =>
        {
            new BenchArguments(Usage).Int("--titles", v => titles = v).Int("--cues", v => cues = v).Int("--queries", v => queries = v)
                .Switch("--sqlite-only", () => sqliteOnly = true).Int("--semantic-titles", v => semanticTitles = v)
                .Int("--film-cues", v => filmCues = v).Switch("--semantic-only", () => semanticOnly = true)
                .Switch("--lag", () => lag = true).Int("--lag-seconds", v => lagOptions = lagOptions with { Seconds = v }, min: 10)
                .Int("--lag-clients", v => lagOptions = lagOptions with { Clients = v }).Switch("--lag-postgres", () => lagPostgres = true).Parse(args);
            if (lagPostgres && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("TEST_POSTGRES")))
                throw new ArgumentException("--lag-postgres needs TEST_POSTGRES (scripts/postgres.sh start DIR prints a connection string)");
            return 0;
        }, Usage);
        if (lag) return await LagAsync(lagOptions, lagPostgres);
        if (semanticOnly) return await SemanticAsync(semanticTitles, cues, queries, filmCues);
        Console.WriteLine($"{titles:N0} titles × (created, subtitles with {cues} cues, published) = {titles * 3:N0} events; {queries} queries; " +
                          $"{Environment.ProcessorCount} cores, shared machine");
        var rows = new List<string[]>();
        rows.Add(await RunAsync("SQLite", null, titles, cues, queries));
        var server = Environment.GetEnvironmentVariable("TEST_POSTGRES");
        if (!sqliteOnly && !string.IsNullOrWhiteSpace(server))
        {
            var database = $"projbench_{Guid.NewGuid():N}"[..20];
            await ExecuteAsync(server, $"CREATE DATABASE {database}");
            try { rows.Add(await RunAsync("PostgreSQL", new NpgsqlConnectionStringBuilder(server) { Database = database }.ToString(), titles, cues, queries)); }
            finally { NpgsqlConnection.ClearAllPools(); await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)"); }
        }
        else if (!sqliteOnly) Console.WriteLine("PostgreSQL skipped: TEST_POSTGRES is not set (scripts/postgres.sh start DIR prints a connection string)");

        string[] header = ["database", "journal replay ev/s", "projection ev/s", "ratio (goal ≥ 0.50)", "search p50 ms", "search p99 ms", "hits/query (median)"];
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Max(r => r[i].Length))).ToArray();
        Console.WriteLine(string.Join(" | ", header.Select((h, i) => h.PadRight(widths[i]))));
        Console.WriteLine(string.Join("-|-", widths.Select(w => new string('-', w))));
        foreach (var row in rows) Console.WriteLine(string.Join(" | ", row.Select((c, i) => c.PadRight(widths[i]))));
        return await SemanticAsync(semanticTitles, cues, queries, filmCues);
    }

    private static async Task<int> SemanticAsync(int titles, int cues, int queries, int filmCues)
    {
        Console.WriteLine();
        Console.WriteLine($"Semantic search (all-MiniLM-L6-v2, SQLite read model): {titles} titles with {cues} cues each, {queries} queries; " +
                          $"{Environment.ProcessorCount} cores, shared machine");
        var rows = await SemanticBench.RunAsync(titles, cues, queries, filmCues);
        string[] header = ["what", "time", "note"];
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Max(r => r[i].Length))).ToArray();
        Console.WriteLine(string.Join(" | ", header.Select((h, i) => h.PadRight(widths[i]))));
        Console.WriteLine(string.Join("-|-", widths.Select(w => new string('-', w))));
        foreach (var row in rows) Console.WriteLine(string.Join(" | ", row.Select((c, i) => c.PadRight(widths[i]))));
        return 0;
    }

    private static async Task<string[]> RunAsync(string label, string? postgres, int titleCount, int cues, int queryCount)
    {
        using var dir = new TempDirectory("projections-bench");
        await using var bench = await BenchSystem.StartAsync(Path.Combine(dir.Path, "data"), postgres);
        var blobs = new DirectoryBlobStore(Path.Combine(dir.Path, "blobs"));
        var corpus = await TitleCorpus.GenerateAsync(blobs, titleCount, cues);

        // The journal: every title's events, 16 titles at a time.
        var write = Stopwatch.StartNew();
        await Parallel.ForEachAsync(corpus, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (title, _) =>
            await bench.System.ActorOf(Props.Create(() => new CorpusWriter(title.TitleId)))
                .Ask<CorpusWriter.Done>(new CorpusWriter.Write(title.Events), TimeSpan.FromMinutes(1)));
        var events = corpus.Sum(t => t.Events.Count);
        Console.WriteLine($"{label}: wrote {events:N0} events in {write.Elapsed.TotalSeconds:0.0} s");

        // Anchor: the journal's own replay of the tag, to the end (median of 3).
        var materializer = bench.System.Materializer();
        var replays = new List<double>();
        long lastOffset = 0;
        for (var run = 0; run < 3; run++)
        {
            var watch = Stopwatch.StartNew();
            await bench.Journal().CurrentEventsByTag(TitleEventTagger.Tag, Offset.NoOffset())
                .RunForeach(e => lastOffset = ((Sequence)e.Offset).Value, materializer);
            replays.Add(events / watch.Elapsed.TotalSeconds);
        }

        // The catalog projection as the node runs it, from offset 0 until its stored offset reaches the end.
        var database = ProjectionHosting.DatabaseFor(bench.Options, TimeSpan.FromSeconds(5));
        var projection = new CatalogProjection(blobs);
        var schema = new ReadModelSchema(database, [projection]);
        await schema.EnsureAsync();
        var project = Stopwatch.StartNew();
        bench.System.ActorOf(ProjectionSupervisor.PropsFor(schema, bench.LiveJournal, ProjectionSettings.Default), "projections");
        while (true)
        {
            await using (var session = await database.OpenAsync())
                if (await ProjectionOffsets.ReadAsync(session, projection.Name, CancellationToken.None) >= lastOffset) break;
            await Task.Delay(20);
        }
        var projected = events / project.Elapsed.TotalSeconds;
        Console.WriteLine($"{label}: projected {events:N0} events in {project.Elapsed.TotalSeconds:0.0} s");

        // Search latency over the read model.
        ICatalogSearch search = postgres is null ? new SqliteCatalogSearch(schema) : new PostgresCatalogSearch(schema);
        var random = new Random(5);
        string Query() => string.Join(' ', Enumerable.Range(0, 1 + random.Next(3)).Select(_ => TitleCorpus.Vocabulary[random.Next(TitleCorpus.Vocabulary.Length)]));
        for (var i = 0; i < 20; i++) await search.SearchAsync(CatalogSearchQuery.For(Query(), null, false, 20, 0), CancellationToken.None);
        var latencies = new List<double>();
        var hits = new List<double>();
        for (var i = 0; i < queryCount; i++)
        {
            var q = CatalogSearchQuery.For(Query(), null, false, 20, 0);
            var watch = Stopwatch.StartNew();
            var page = await search.SearchAsync(q, CancellationToken.None);
            latencies.Add(watch.Elapsed.TotalMilliseconds);
            hits.Add(page.Total);
        }
        latencies.Sort();
        var ratio = projected / Statistics.Median(replays);
        return [label, $"{Statistics.Median(replays):N0}", $"{projected:N0}", $"{ratio:0.00}", $"{Statistics.Median(latencies):0.0}",
            $"{latencies[(int)Math.Ceiling(latencies.Count * 0.99) - 1]:0.0}", $"{Statistics.Median(hits):N0}"];
    }

    private static async Task<int> LagAsync(LagOptions options, bool postgres)
    {
        if (!postgres) return await LagBench.RunAsync(options, null);
        var server = Environment.GetEnvironmentVariable("TEST_POSTGRES")!;
        var database = $"lagbench_{Guid.NewGuid():N}"[..20];
        await ExecuteAsync(server, $"CREATE DATABASE {database}");
        try { return await LagBench.RunAsync(options, new NpgsqlConnectionStringBuilder(server) { Database = database }.ToString()); }
        finally { NpgsqlConnection.ClearAllPools(); await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)"); }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
