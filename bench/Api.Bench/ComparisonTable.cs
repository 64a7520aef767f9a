namespace MediaPlatform.Bench.Api;

public static class ComparisonTable
{
    /// <summary>Issue 20's goal for the HTTP path: at least half the in-process rate, for reads and persisted updates.</summary>
    public const double Goal = 0.50;

    public static void Print(IReadOnlyList<ComparisonRow> rows)
    {
        Console.WriteLine();
        Console.WriteLine("| operation | path | req/s | p50 ms | p99 ms | failed | CPU-ms/request | http/in-process throughput |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            Line(row.Operation, row.Operation.StartsWith(HttpFloors.BareRow) ? "HTTP (bare app)" : "HTTP (3 nodes)", row.Http, $"{Ratio(row):0.00}");
            Line(row.Operation, "shard region, in-process", row.InProcess, "1.00 (baseline)");
        }
        Console.WriteLine();
        // The title order is three journal writes and a gateway charge: the journal's figure, not the HTTP path's.
        foreach (var row in rows.Where(r => r.Operation is "profile read" or "profile update (persisted)"))
            Console.WriteLine($"goal http/in-process >= {Goal:0.00} for {row.Operation}: {Ratio(row):0.00} — {(Ratio(row) >= Goal ? "met" : "NOT met")}");
    }

    private static double Ratio(ComparisonRow row) => row.Http.PerSecond / row.InProcess.PerSecond;

    private static void Line(string operation, string path, LoadRun.Result r, string ratio) =>
        Console.WriteLine($"| {operation} | {path} | {r.PerSecond:N0} | {r.P50:0.0} | {r.P99:0.0} | {r.Failures} | {r.CpuMsPerRequest:0.00} | {ratio} |");
}
