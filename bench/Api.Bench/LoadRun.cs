using System.Diagnostics;

namespace MediaPlatform.Bench.Api;

/// <summary>Runs one operation from N concurrent clients a fixed number of times; records every latency.</summary>
public static class LoadRun
{
    /// <param name="Cpu">CPU time the whole bench process (clients and in-process nodes) used during the run.</param>
    public sealed record Result(string Name, int Requests, int Failures, TimeSpan Wall, double[] LatenciesMs, TimeSpan Cpu)
    {
        public double PerSecond => Requests / Wall.TotalSeconds;

        /// <summary>
        /// CPU milliseconds per request: unlike the rate it barely moves when other work shares the machine, so it is
        /// the steadier figure for what a feature costs.
        /// </summary>
        public double CpuMsPerRequest => Cpu.TotalMilliseconds / Requests;
        public double P50 => Percentile(0.50);
        public double P99 => Percentile(0.99);

        private double Percentile(double p)
        {
            if (LatenciesMs.Length == 0) return double.NaN;
            var sorted = LatenciesMs.Order().ToArray();
            return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        }
    }

    /// <param name="operation">Called with (client index, request index); returns false for a failed request.</param>
    public static async Task<Result> RunAsync(string name, int clients, int requests, Func<int, int, Task<bool>> operation)
    {
        var latencies = new double[requests];
        var failures = 0;
        var next = -1;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async client =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < requests)
            {
                var started = Stopwatch.GetTimestamp();
                var ok = await operation(client, i);
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (!ok) Interlocked.Increment(ref failures);
            }
        }));
        wall.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        return new Result(name, requests, failures, wall.Elapsed, latencies, cpu);
    }
}
