namespace MediaPlatform.Bench.Api;

public sealed record ComparisonRow(string Operation, LoadRun.Result Http, LoadRun.Result InProcess);

/// <summary>Runs an operation over both paths, alternating, --runs times; keeps the median run of each path.</summary>
public static class Comparison
{
    public static async Task<ComparisonRow> RunAsync(Operation operation, BenchOptions options)
    {
        // Warm-up: connection pools, entities brought to life, and the JIT done: with a fixed 200 (and even 3,000)
        // requests a profile of the timed runs still showed tier-0 code, and the tiering thread took a fifth of the CPU.
        var http0 = await WarmUpAsync(operation.OverHttp, options);
        var direct0 = await WarmUpAsync(operation.InProcess, options);
        Console.WriteLine($"  {operation.Name}: warmed up ({http0:N0} HTTP and {direct0:N0} in-process requests), timed runs start (HTTP first)"); // a profiler attaches here

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

    private const int WarmUpRound = 1_000;
    private const int MaxWarmUpRounds = 30;
    private const int SettledMethods = 25;

    /// <summary>Rounds of requests until one makes the JIT compile (or re-compile at a higher tier) almost nothing new.</summary>
    private static async Task<int> WarmUpAsync(Func<int, int, Task<bool>> operation, BenchOptions options)
    {
        for (var round = 1; ; round++)
        {
            var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
            await LoadRun.RunAsync("warm-up", options.Clients, WarmUpRound, operation);
            // The tiering thread promotes hot methods ~100 ms after their calls count up: let it catch up.
            await Task.Delay(200);
            if (System.Runtime.JitInfo.GetCompiledMethodCount() - compiled < SettledMethods || round == MaxWarmUpRounds)
                return round * WarmUpRound;
        }
    }

    private static LoadRun.Result MedianRun(List<LoadRun.Result> runs) => runs.OrderBy(r => r.PerSecond).ElementAt(runs.Count / 2);
}
