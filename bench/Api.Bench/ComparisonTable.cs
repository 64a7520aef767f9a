namespace MediaPlatform.Bench.Api;

public static class ComparisonTable
{
    public static void Print(IReadOnlyList<ComparisonRow> rows)
    {
        Console.WriteLine();
        Console.WriteLine("| operation | path | req/s | p50 ms | p99 ms | failed | http/in-process throughput |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            Line(row.Operation, "HTTP (3 nodes)", row.Http, $"{row.Http.PerSecond / row.InProcess.PerSecond:0.00}");
            Line(row.Operation, "shard region, in-process", row.InProcess, "1.00 (baseline)");
        }
    }

    private static void Line(string operation, string path, LoadRun.Result r, string ratio) =>
        Console.WriteLine($"| {operation} | {path} | {r.PerSecond:N0} | {r.P50:0.0} | {r.P99:0.0} | {r.Failures} | {ratio} |");
}
