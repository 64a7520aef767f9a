namespace MediaPlatform.Bench.Scheduler;

/// <summary>--accounts N (default 10000), --failovers N (default 5), --skip-throughput, --skip-failover, --direct-first.</summary>
public sealed record BenchOptions(int Accounts, int Failovers, bool Throughput, bool Failover, bool DirectFirst = false)
{
    public const string Usage = "usage: Scheduler.Bench [--accounts N (10000)] [--failovers N (5)] [--skip-throughput] [--skip-failover] [--direct-first]";

    /// <summary>Parses the flags; throws <see cref="ArgumentException"/> with a one-line message on bad input.</summary>
    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions(Accounts: 10_000, Failovers: 5, Throughput: true, Failover: true);
        new BenchArguments(Usage)
            .Int("--accounts", v => options = options with { Accounts = v })
            .Int("--failovers", v => options = options with { Failovers = v })
            .Switch("--skip-throughput", () => options = options with { Throughput = false })
            .Switch("--skip-failover", () => options = options with { Failover = false })
            .Switch("--direct-first", () => options = options with { DirectFirst = true })
            .Parse(args);
        return options;
    }
}
