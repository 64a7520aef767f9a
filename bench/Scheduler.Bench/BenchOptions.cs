namespace MediaPlatform.Bench.Scheduler;

/// <summary>--accounts N (default 10000), --failovers N (default 5), --skip-throughput, --skip-failover, --direct-first.</summary>
public sealed record BenchOptions(int Accounts, int Failovers, bool Throughput, bool Failover, bool DirectFirst = false)
{
    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions(10_000, 5, true, true);
        for (var i = 0; i < args.Length; i++)
        {
            options = args[i] switch
            {
                "--accounts" => options with { Accounts = int.Parse(args[++i]) },
                "--failovers" => options with { Failovers = int.Parse(args[++i]) },
                "--skip-throughput" => options with { Throughput = false },
                "--skip-failover" => options with { Failover = false },
                "--direct-first" => options with { DirectFirst = true },
                var other => throw new ArgumentException($"unknown argument {other}; use --accounts N, --failovers N, --skip-throughput, --skip-failover, --direct-first"),
            };
        }
        return options;
    }
}
