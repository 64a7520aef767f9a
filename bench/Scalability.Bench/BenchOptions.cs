namespace MediaPlatform.Bench.Scalability;

/// <param name="Seconds">Timed seconds per measured point (after a warm-up of a third of that).</param>
/// <param name="ClientsPerNode">Concurrent clients per node when the node count varies (the load grows with the cluster).</param>
public sealed record BenchOptions(int Seconds, int Users, int ClientsPerNode, bool Concurrency = true, bool Nodes = true, bool Quick = false)
{
    /// <summary>Issue 20's concurrency levels against the fixed 3-node cluster.</summary>
    public static readonly int[] ConcurrencyLevels = [1, 2, 4, 8, 16, 32];

    /// <summary>Node processes in the second series, node k (1-based) pinned to core (k - 1) mod 2.</summary>
    public static readonly int[] NodeCounts = [1, 2, 3];

    public const string Usage = "usage: Scalability.Bench [--quick (3 s per point)] [--seconds N (15 per point)] [--users N (32)] [--clients-per-node N (8)] [--only-concurrency | --only-nodes]";

    /// <summary>Parses the flags; throws <see cref="ArgumentException"/> with a one-line message on bad input.</summary>
    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions(Seconds: 15, Users: 32, ClientsPerNode: 8);
        int? seconds = null;
        new BenchArguments(Usage)
            .Switch("--quick", () => options = options with { Quick = true })
            .Int("--seconds", v => seconds = v)
            .Int("--users", v => options = options with { Users = v })
            .Int("--clients-per-node", v => options = options with { ClientsPerNode = v })
            .Switch("--only-concurrency", () => options = options with { Nodes = false })
            .Switch("--only-nodes", () => options = options with { Concurrency = false })
            .Parse(args);
        if (!options.Concurrency && !options.Nodes) throw new ArgumentException("--only-concurrency and --only-nodes leave nothing to run");
        return options with { Seconds = seconds ?? (options.Quick ? 3 : options.Seconds) };
    }
}
