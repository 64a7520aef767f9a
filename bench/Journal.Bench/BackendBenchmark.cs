using System.Data.Common;

namespace MediaPlatform.Bench.Journal;

/// <summary>
/// Runs both measurements on one backend, <see cref="BenchOptions.Runs"/> times, each run on a fresh database:
/// the journal through a bench node first (warm-up, then measured), then the raw baseline into a copy of the journal
/// table in the same database (warm-up, then measured). Row counts are checked so a silent failure cannot pass as speed.
/// </summary>
public static class BackendBenchmark
{
    private const int WarmUpEventsPerActor = 10;

    public static async Task<BackendResult> RunAsync(IBackend backend, BenchOptions options)
    {
        var journal = new List<double>();
        var raw = new List<double>();
        for (var run = 1; run <= options.Runs; run++)
        {
            await using var database = await backend.CreateRunDatabaseAsync(run);
            var (journalRate, payload) = await MeasureJournalAsync(database, options, run);
            var rawRate = await MeasureRawAsync(database, options, payload);
            journal.Add(journalRate);
            raw.Add(rawRate);
            Console.WriteLine($"  {backend.Name} run {run}: journal {journalRate,8:N0} events/s, raw {rawRate,8:N0} rows/s, ratio {journalRate / rawRate:0.00}");
        }
        return new BackendResult(backend.Name, Statistics.Median(journal), Statistics.Median(raw));
    }

    private static async Task<(double Rate, byte[] Payload)> MeasureJournalAsync(IRunDatabase database, BenchOptions options, int run)
    {
        await using var node = await BenchNode.StartAsync(database.NodeOptions);
        if (run == 1)
            Console.WriteLine($"  journal: {node.JournalSettings()}");
        // Warm-up: creates the tables, fills the connection pool and JIT-compiles the write path.
        await JournalThroughput.MeasureAsync(node.System, "warm", options.Actors, Math.Min(WarmUpEventsPerActor, options.EventsPerActor));
        var rate = await JournalThroughput.MeasureAsync(node.System, "bench", options.Actors, options.EventsPerActor);
        await ExpectRowsAsync(database, IRunDatabase.JournalTable, "bench", options.TotalEvents);
        // The bytes the journal stored for each event, so the baseline writes exactly the same payload.
        var payload = node.System.Serialization.FindSerializerFor(BenchEvent.Sample).ToBinary(BenchEvent.Sample);
        return (rate, payload);
    }

    private static async Task<double> MeasureRawAsync(IRunDatabase database, BenchOptions options, byte[] payload)
    {
        await database.CreateRawTableAsync();
        await database.RawInsertAsync(new RowSet("warm", options.Actors, Math.Min(WarmUpEventsPerActor, options.EventsPerActor), payload));
        var rate = await database.RawInsertAsync(new RowSet("bench", options.Actors, options.EventsPerActor, payload));
        await ExpectRowsAsync(database, IRunDatabase.RawTable, "bench", options.TotalEvents);
        return rate;
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
