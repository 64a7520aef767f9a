using MediaPlatform.Node.Persistence;

namespace MediaPlatform.Bench.Journal;

/// <summary>
/// Runs the measurements on one backend, <see cref="BenchOptions.Runs"/> times, each run on a fresh database:
/// the journal's writes through a bench node (warm-up, then measured), the raw baseline into a copy of the journal
/// table in the same database (warm-up, then measured), then the recovery of one long history through the same node
/// beside a raw SELECT of the same rows. Row counts are checked so a silent failure cannot pass as speed.
/// </summary>
public static class BackendBenchmark
{
    // Enough writes for the tiered JIT to settle on the write path (with 10 per actor the CPU per event still fell 3x
    // from run 1 to run 3 of one process).
    private const int WarmUpEventsPerActor = 100;

    // Enough replayed events for the runtime to have compiled the replay path fully (tiered JIT) before the clock runs.
    private const int WarmUpHistory = 10_000;

    public static async Task<BackendResult> RunAsync(IBackend backend, BenchOptions options)
    {
        var runs = new List<RunResult>();
        for (var run = 1; run <= options.Runs; run++)
        {
            await using var database = await backend.CreateRunDatabaseAsync(run);
            await using var node = await BenchNode.StartAsync(database.NodeOptions);
            if (run == 1)
                Console.WriteLine($"  journal: {node.JournalSettings()}");
            var (journal, payload) = await MeasureJournalAsync(node, database, options);
            var raw = await MeasureRawAsync(database, options, payload);
            var plugin = await MeasurePluginAsync(database, options);
            var (recovery, select) = options.History > 0
                ? await MeasureRecoveryAsync(node, database, options, payload)
                : (default(Rate?), default(Rate?));
            var result = new RunResult(journal, raw, recovery, select, plugin);
            runs.Add(result);
            Console.WriteLine($"  {backend.Name} run {run}: {result}");
        }
        return BackendResult.MedianOf(backend.Name, runs);
    }

    private static async Task<(Rate Rate, byte[] Payload)> MeasureJournalAsync(BenchNode node, IRunDatabase database, BenchOptions options)
    {
        // Warm-up: creates the tables, fills the connection pool and JIT-compiles the write path.
        await JournalThroughput.MeasureAsync(node.System, "warm", options.Actors, Math.Min(WarmUpEventsPerActor, options.EventsPerActor));
        var rate = await JournalThroughput.MeasureAsync(node.System, "bench", options.Actors, options.EventsPerActor);
        await ExpectRowsAsync(database, IRunDatabase.JournalTable, "bench", options.TotalEvents);
        // The bytes the journal stored for each event, so the baseline writes exactly the same payload.
        var payload = node.System.Serialization.FindSerializerFor(BenchEvent.Sample).ToBinary(BenchEvent.Sample);
        return (rate, payload);
    }

    private static async Task<Rate> MeasureRawAsync(IRunDatabase database, BenchOptions options, byte[] payload)
    {
        await database.CreateRawTableAsync();
        await database.RawInsertAsync(new RowSet("warm", options.Actors, Math.Min(WarmUpEventsPerActor, options.EventsPerActor), payload));
        var rate = await database.RawInsertAsync(new RowSet("bench", options.Actors, options.EventsPerActor, payload));
        await ExpectRowsAsync(database, IRunDatabase.RawTable, "bench", options.TotalEvents);
        return rate;
    }

    /// <summary>
    /// The same writers through Akka.Persistence.Sql's journal (media-platform.persistence.journal-write-path = plugin,
    /// the fallback an operator can choose), into the same journal table, on a second bench node.
    /// </summary>
    private static async Task<Rate> MeasurePluginAsync(IRunDatabase database, BenchOptions options)
    {
        await using var node = await BenchNode.StartAsync(database.NodeOptions, $"{JournalWritePaths.Path} = plugin");
        await JournalThroughput.MeasureAsync(node.System, "pluginwarm", options.Actors, Math.Min(WarmUpEventsPerActor, options.EventsPerActor));
        var rate = await JournalThroughput.MeasureAsync(node.System, "plugin", options.Actors, options.EventsPerActor);
        await ExpectRowsAsync(database, IRunDatabase.JournalTable, "plugin", options.TotalEvents);
        return rate;
    }

    /// <summary>
    /// One entity's long history, written straight into the journal table (the same rows the journal writes, as the
    /// raw baseline proves; writing 100k events through Persist would only make the run longer), recovered by a new
    /// actor, then read back with a plain SELECT. A shorter history recovered first warms the replay path.
    /// </summary>
    private static async Task<(Rate? Recovery, Rate? Select)> MeasureRecoveryAsync(BenchNode node, IRunDatabase database, BenchOptions options, byte[] payload)
    {
        var warm = new RowSet("warmhistory", Actors: 1, EventsPerActor: Math.Min(options.History, WarmUpHistory), payload);
        var rows = new RowSet("history", Actors: 1, EventsPerActor: options.History, payload);
        var id = RowSet.PersistenceId(rows.IdPrefix, 0);
        await database.RawInsertAsync(warm, IRunDatabase.JournalTable);
        await database.RawInsertAsync(rows, IRunDatabase.JournalTable);
        await HistoryRecovery.MeasureAsync(node.System, RowSet.PersistenceId(warm.IdPrefix, 0), warm.Count);
        var recovery = await HistoryRecovery.MeasureAsync(node.System, id, rows.Count);
        var select = await database.RawSelectAsync(id, rows.Count);
        return (recovery, select);
    }

    private static async Task ExpectRowsAsync(IRunDatabase database, string table, string idPrefix, long expected)
    {
        await using var connection = await database.OpenAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = $"SELECT COUNT(*) FROM {table} WHERE persistence_id LIKE '{idPrefix}-%'";
        var actual = Convert.ToInt64(await count.ExecuteScalarAsync());
        if (actual != expected)
            throw new InvalidOperationException($"{table} holds {actual} '{idPrefix}' rows, expected {expected}");
    }
}
