using System.Net.Http.Json;
using MediaPlatform.Testing.Nodes;

namespace MediaPlatform.Bench.Api;

/// <summary>
/// The cost of observability on the persisted-command path (HTTP profile update: request, ask, persist, reply), in one
/// run: a 3-node cluster with metrics on and traces exported over OTLP to a collector that drops them, and one with
/// <c>media-platform.observability.metrics = off</c> and no --otlp-endpoint. The two never run at the same time:
/// meters and activity sources are process-wide, so a listening cluster would also pay for the other's
/// measurements. For the same reason only the "on" cluster's first node has providers: they record every node of
/// the process once, which is what each node's own providers cost in a process of its own. Rounds alternate which goes first; each round starts fresh clusters. On a shared machine the load
/// drifts between rounds far more than observability costs, so the verdict is the median of each round's paired
/// ratio (on and off measured back to back), with the medians of each side printed beside it.
/// Goals (issue 14): throughput with it on at least 95 % of off, p99 at most 110 %.
/// </summary>
public static class ObservabilityOverhead
{
    public static async Task RunAsync(BenchOptions options)
    {
        Console.WriteLine($"observability overhead: profile update (persisted) over HTTP, {options.Requests:N0} requests, " +
                          $"{options.Clients} clients, {options.Runs} round(s), fresh 3-node clusters per round, " +
                          (options.EveryNode ? "providers on every node (each records all three)" : "providers on the first node (recording all three once)") +
                          (options.Metrics && options.Traces ? "" : options.Metrics ? "; on = metrics only" : "; on = traces only") +
                          (options.Traces ? $"; requests traced: {(options.SampleRatio is { } r ? $"--trace-sample-ratio {r}" : "the node's default --trace-sample-ratio")}" : ""));
        var on = new List<LoadRun.Result>();
        var off = new List<LoadRun.Result>();
        for (var round = 0; round < options.Runs; round++)
        {
            var sides = options.OnlySide is { } only ? new[] { only } : round % 2 == 0 ? [false, true] : [true, false];
            foreach (var enabled in sides)
            {
                var result = await MeasureAsync(enabled, options);
                (enabled ? on : off).Add(result);
                Console.WriteLine($"  round {round + 1}, observability {(enabled ? "on " : "off")}: {result.PerSecond:N0}/s, p99 {result.P99:0.0} ms, " +
                                  $"{result.CpuMsPerRequest:0.00} CPU-ms/request, {result.Failures} failed");
            }
        }
        if (options.OnlySide is null) Print(Median(on), Median(off), on.Zip(off).ToList());
    }

    private static async Task<LoadRun.Result> MeasureAsync(bool enabled, BenchOptions options)
    {
        await using var collector = enabled && options.Traces ? new DroppingOtlpCollector() : null;
        // "On" is the first node's MeterProvider and TracerProvider: listeners are process-wide, so they measure and
        // trace all three nodes' requests, entities and journal writes, once each — as one node per process does in
        // production. Three providers in one process would each record everything (three times the real cost).
        const string metricsOff = "media-platform.observability.metrics = off\n";
        await using var cluster = await InProcessNodeCluster.StartAsync(3, enabled ? "obs-on" : "obs-off",
            extraHocon: "media-platform.billing.require-published-title = off\n",
            // --every-node: the former set-up, providers on every node, each recording the whole process.
            nodeHocon: i => enabled && options.Metrics && (i == 0 || options.EveryNode) ? "" : metricsOff,
            nodeArgs: i => collector is not null && (i == 0 || options.EveryNode)
                ? ["--otlp-endpoint", collector.Endpoint.ToString(), .. options.SampleRatio is { } ratio ? ["--trace-sample-ratio", ratio.ToString(System.Globalization.CultureInfo.InvariantCulture)] : Array.Empty<string>()]
                : []);
        var pool = await UserPool.CreateAsync(cluster, options.Users);
        var members = pool.Members;
        var names = 0L;
        Task<bool> Update(int client, int i)
        {
            var member = members[i % members.Count];
            var http = member.ClientPerNode[(client + i) % member.ClientPerNode.Length];
            return http.PatchAsJsonAsync($"/api/users/{member.UserId}", new { displayName = $"n {Interlocked.Increment(ref names)}" })
                .ContinueWith(t => t.Result.IsSuccessStatusCode, TaskScheduler.Default);
        }
        // Long enough for tiered compilation to finish the hot paths: a short warm-up measured the JIT compiling the
        // "on" side's extra code (the OpenTelemetry SDK, exporters), which a node pays once, not per request.
        await LoadRun.RunAsync("warm-up", options.Clients, Math.Min(2000, options.Requests), Update);
        var result = await LoadRun.RunAsync(enabled ? "on" : "off", options.Clients, options.Requests, Update);
        if (collector is not null && options.SampleRatio is not 0.0 && collector.Exports == 0)
            await Eventually.AwaitAsync(() => collector.Exports > 0, TimeSpan.FromSeconds(15), "spans exported to the collector");
        return result;
    }

    private static double MedianOf(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static LoadRun.Result Median(List<LoadRun.Result> runs) => runs.OrderBy(r => r.PerSecond).ElementAt(runs.Count / 2);

    private static void Print(LoadRun.Result on, LoadRun.Result off, List<(LoadRun.Result On, LoadRun.Result Off)> rounds)
    {
        var throughput = MedianOf(rounds.Select(r => r.On.PerSecond / r.Off.PerSecond));
        var p99 = MedianOf(rounds.Select(r => r.On.P99 / r.Off.P99));
        var cpu = MedianOf(rounds.Select(r => r.On.CpuMsPerRequest / r.Off.CpuMsPerRequest));
        Console.WriteLine();
        Console.WriteLine("| profile update (persisted), HTTP, 3 nodes | req/s | p50 ms | p99 ms | CPU-ms/request | failed |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        Console.WriteLine($"| metrics + tracing off (baseline) | {off.PerSecond:N0} | {off.P50:0.0} | {off.P99:0.0} | {off.CpuMsPerRequest:0.00} | {off.Failures} |");
        Console.WriteLine($"| metrics on + traces to OTLP | {on.PerSecond:N0} | {on.P50:0.0} | {on.P99:0.0} | {on.CpuMsPerRequest:0.00} | {on.Failures} |");
        Console.WriteLine();
        Console.WriteLine($"per-round ratios on/off: throughput {string.Join(", ", rounds.Select(r => (r.On.PerSecond / r.Off.PerSecond).ToString("0.00")))}; " +
                          $"p99 {string.Join(", ", rounds.Select(r => (r.On.P99 / r.Off.P99).ToString("0.00")))}");
        Console.WriteLine($"median throughput on/off {throughput:0.000} (overhead {(1 - throughput) * 100:0.0} %; goal ≤ 5 %: {(throughput >= 0.95 ? "met" : "NOT met")})");
        Console.WriteLine($"median p99 on/off {p99:0.000} (goal ≤ 1.10: {(p99 <= 1.10 ? "met" : "NOT met")})");
        Console.WriteLine($"median CPU per request on/off {cpu:0.000} (the cost itself, steady when the machine is shared: ≤ 1.05 keeps the 5 % goal on a busy node)");
    }
}
