using System.Diagnostics;

namespace MediaPlatform.Bench.Scalability;

/// <summary>One measured point: N (clients or nodes) and the requests per second the workload got at it.</summary>
public sealed record ThroughputPoint(int N, int Clients, double PerSecond, long Failed)
{
    /// <summary>
    /// Runs <paramref name="clients"/> clients for a warm-up (a third of the window, not counted: JIT, connections,
    /// entities brought to life) and then the timed window; the rate is the requests answered in the window.
    /// </summary>
    public static async Task<ThroughputPoint> MeasureAsync(MixedWorkload workload, int n, int clients, TimeSpan window)
    {
        var tally = new LoadTally();
        using var stop = new CancellationTokenSource();
        var running = Enumerable.Range(0, clients).Select(c => Task.Run(() => workload.RunClientAsync(c, tally, stop.Token))).ToArray();
        await Task.Delay(window / 3);
        var (okBefore, failedBefore) = (tally.Ok, tally.Failed);
        var clock = Stopwatch.StartNew();
        await Task.Delay(window);
        var (ok, failed) = (tally.Ok - okBefore, tally.Failed - failedBefore);
        var elapsed = clock.Elapsed;
        stop.Cancel();
        await Task.WhenAll(running);
        return new ThroughputPoint(n, clients, ok / elapsed.TotalSeconds, failed);
    }
}
