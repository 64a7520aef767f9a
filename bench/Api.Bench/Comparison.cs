namespace MediaPlatform.Bench.Api;

public sealed record ComparisonRow(string Operation, LoadRun.Result Http, LoadRun.Result InProcess);

/// <summary>Runs an operation over both paths, alternating, --runs times; keeps the median run of each path.</summary>
public static class Comparison
{
    public static async Task<ComparisonRow> RunAsync(Operation operation, BenchOptions options)
    {
        // Warm-up: JIT, connection pools, entities brought to life.
        await LoadRun.RunAsync("warm-up", options.Clients, Math.Min(200, options.Requests), operation.OverHttp);
        await LoadRun.RunAsync("warm-up", options.Clients, Math.Min(200, options.Requests), operation.InProcess);

        var http = new List<LoadRun.Result>();
        var direct = new List<LoadRun.Result>();
        for (var run = 0; run < options.Runs; run++)
        {
            http.Add(await LoadRun.RunAsync("http", options.Clients, options.Requests, operation.OverHttp));
            direct.Add(await LoadRun.RunAsync("in-process", options.Clients, options.Requests, operation.InProcess));
            Console.WriteLine($"  {operation.Name} run {run + 1}: http {http[^1].PerSecond:N0}/s, in-process {direct[^1].PerSecond:N0}/s");
        }
        return new ComparisonRow(operation.Name, MedianRun(http), MedianRun(direct));
    }

    private static LoadRun.Result MedianRun(List<LoadRun.Result> runs) => runs.OrderBy(r => r.PerSecond).ElementAt(runs.Count / 2);
}
