namespace MediaPlatform.Bench.Journal;

/// <summary>Command-line flags. Events are split evenly over the actors (rounded up to a whole number each).</summary>
public sealed record BenchOptions(int Events, int Actors, int Runs, bool SqliteOnly, int History)
{
    public const string Usage = "usage: Journal.Bench [--events N (20000)] [--actors N (100)] [--runs N (3)] [--history N (100000), 0 skips recovery] [--sqlite-only]";

    public int EventsPerActor => (Events + Actors - 1) / Actors;

    public int TotalEvents => EventsPerActor * Actors;

    /// <summary>Parses the flags; throws <see cref="ArgumentException"/> with a one-line message on bad input.</summary>
    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions(Events: 20_000, Actors: 100, Runs: 3, SqliteOnly: false, History: 100_000);
        new BenchArguments(Usage)
            .Int("--events", v => options = options with { Events = v })
            .Int("--actors", v => options = options with { Actors = v })
            .Int("--runs", v => options = options with { Runs = v })
            .Int("--history", v => options = options with { History = v }, min: 0)
            .Switch("--sqlite-only", () => options = options with { SqliteOnly = true })
            .Parse(args);
        return options;
    }
}
