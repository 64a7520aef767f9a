namespace MediaPlatform.Bench.Party;

/// <summary>
/// <paramref name="Connections"/> simulated members' hub connections (spread over the 3 nodes), <paramref name="Actions"/>
/// timed host actions (after <paramref name="Warmup"/> untimed ones), and as many raw pub-sub publishes.
/// </summary>
public sealed record BenchOptions(int Connections, int Actions, int Warmup)
{
    public const string Usage = "usage: Party.Bench [--connections N (200)] [--actions N (50)] [--warmup N (5)]";

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions(Connections: 200, Actions: 50, Warmup: 5);
        new BenchArguments(Usage)
            .Int("--connections", v => options = options with { Connections = v }, min: 3)
            .Int("--actions", v => options = options with { Actions = v })
            .Int("--warmup", v => options = options with { Warmup = v }, min: 0)
            .Parse(args);
        if (options.Connections > FanOutParty.MaxConnections)
            throw new ArgumentException($"--connections is at most {FanOutParty.MaxConnections} (a party's members × connections per member)");
        return options;
    }
}
