namespace MediaPlatform.Bench.Journal;

/// <summary>
/// Journal throughput: events/s persisted through the node's configured journal (SQLite, PostgreSQL) next to a raw
/// ADO.NET batched insert of the same rows into the same database in the same run, and their ratio (goal ≥ 0.50).
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        // 1. Flags: --events, --actors, --runs, --history, --sqlite-only (bad input: one line on stderr, exit 2).
        var options = BenchArguments.OrExit(() => BenchOptions.Parse(args), BenchOptions.Usage);
        Console.WriteLine($"{options.TotalEvents:N0} events: {options.Actors} actors × {options.EventsPerActor} Persist calls; " +
                          $"{options.Runs} run(s), medians; {Environment.ProcessorCount} cores");

        // 2. What Persist costs with no database at all: the floor under every journal.
        var floor = await PersistFloor.MeasureAsync(options);
        Console.WriteLine($"  Akka's in-memory journal (the floor): {floor.PerSecond:N0} events/s, {floor.CpuMicrosPerItem:N0} µs CPU, " +
                          $"{floor.BytesPerItem / 1024:N1} KB allocated per event");

        // 3. Each backend on fresh databases: journal through the node's persistence setup, then the raw baseline.
        var results = new List<BackendResult>();
        await using (var sqlite = new SqliteBackend())
            results.Add(await BackendBenchmark.RunAsync(sqlite, options));
        if (!options.SqliteOnly)
        {
            await using var postgres = await PostgresBackend.ConnectAsync();
            results.Add(await BackendBenchmark.RunAsync(postgres, options));
        }

        // 4. The tables: journal vs raw insert, recovery vs raw SELECT, CPU per item.
        ResultTable.Print(results);
        Console.WriteLine();
        ResultTable.PrintPlugin(results);
        return 0;
    }
}
