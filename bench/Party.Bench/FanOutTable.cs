namespace MediaPlatform.Bench.Party;

/// <summary>Runs the rounds of one path and prints both paths side by side with the ratio and the goal.</summary>
public static class FanOutTable
{
    /// <summary>The issue's goal: the last member has a host's action within 100 ms, p99.</summary>
    public const double GoalP99Ms = 100;

    /// <summary>At most this many rounds a second: a hub connection may send 10 changes a second.</summary>
    private static readonly TimeSpan MinGap = TimeSpan.FromMilliseconds(150);

    public static async Task<IReadOnlyList<FanOutTimings>> RunAsync(BenchOptions options, Func<long, Task<FanOutTimings>> round)
    {
        var timed = new List<FanOutTimings>();
        for (var i = 0; i < options.Warmup + options.Actions; i++)
        {
            var pace = Task.Delay(MinGap);
            var done = await round(1000 + i);
            if (i >= options.Warmup) timed.Add(done);
            if (done.Missing > 0) Console.WriteLine($"round {i}: {done.Missing} receivers missed it");
            await pace;
        }
        return timed;
    }

    public static void Print(int receivers, IReadOnlyList<FanOutTimings> party, IReadOnlyList<FanOutTimings> raw)
    {
        Console.WriteLine();
        Console.WriteLine("| path | receivers | rounds | answered p50 | first p50 | median p50 | last p50 | last p99 | last max |");
        Console.WriteLine("|---|--:|--:|--:|--:|--:|--:|--:|--:|");
        Row($"party: host Seek → last of {receivers} connections", receivers, party);
        Row($"raw DistributedPubSub publish → last of {receivers} subscribers", receivers, raw);
        var complete = (IReadOnlyList<FanOutTimings> r) => r.Where(t => t.Missing == 0).ToList();
        double Last(IReadOnlyList<FanOutTimings> r, double p) => Percentile(complete(r).Select(t => t.LastMs), p);
        Console.WriteLine();
        Console.WriteLine($"ratio party ÷ raw: last p50 {Last(party, 50) / Last(raw, 50):0.0}×, last p99 {Last(party, 99) / Last(raw, 99):0.0}×");
        foreach (var (name, rounds) in new[] { ("party", party), ("raw", raw) })
            Console.WriteLine($"{name}: slowest rounds (first/last receiver) " + string.Join(", ",
                complete(rounds).OrderByDescending(t => t.LastMs).Take(5).Select(t => $"{t.FirstMs:0.0}/{t.LastMs:0.0}")) + " ms");
        var p99 = Last(party, 99);
        Console.WriteLine($"goal: party last p99 ≤ {GoalP99Ms} ms: {(p99 <= GoalP99Ms ? "met" : "missed")} ({p99:0.0} ms)");
        var missed = party.Count(t => t.Missing > 0) + raw.Count(t => t.Missing > 0);
        if (missed > 0) Console.WriteLine($"{missed} round(s) did not reach every receiver within the time-out and are left out of the figures");
    }

    private static void Row(string name, int receivers, IReadOnlyList<FanOutTimings> rounds)
    {
        var done = rounds.Where(t => t.Missing == 0).ToList();
        var answered = done.Where(t => !double.IsNaN(t.AnswerMs)).Select(t => t.AnswerMs).ToList();
        Console.WriteLine($"| {name} | {receivers} | {done.Count} | {(answered.Count > 0 ? $"{Percentile(answered, 50):0.0} ms" : "—")} | " +
                          $"{Percentile(done.Select(t => t.FirstMs), 50):0.0} ms | {Percentile(done.Select(t => t.MedianMs), 50):0.0} ms | " +
                          $"{Percentile(done.Select(t => t.LastMs), 50):0.0} ms | {Percentile(done.Select(t => t.LastMs), 99):0.0} ms | " +
                          $"{done.Select(t => t.LastMs).DefaultIfEmpty(double.NaN).Max():0.0} ms |");
    }

    /// <summary>Nearest-rank percentile (p99 of 50 rounds is the largest but none).</summary>
    public static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return double.NaN;
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
