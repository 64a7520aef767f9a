namespace MediaPlatform.Bench.Journal;

/// <summary>Command-line flags. Events are split evenly over the actors (rounded up to a whole number each).</summary>
public sealed record BenchOptions(int Events, int Actors, int Runs, bool SqliteOnly)
{
    public const string Usage = "usage: Journal.Bench [--events N (20000)] [--actors N (100)] [--runs N (3)] [--sqlite-only]";

    public int EventsPerActor => (Events + Actors - 1) / Actors;

    public int TotalEvents => EventsPerActor * Actors;

    /// <summary>Parses the flags; throws <see cref="ArgumentException"/> with a one-line message on bad input.</summary>
    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions(Events: 20_000, Actors: 100, Runs: 3, SqliteOnly: false);
        new BenchArguments(Usage)
            .Int("--events", v => options = options with { Events = v })
            .Int("--actors", v => options = options with { Actors = v })
            .Int("--runs", v => options = options with { Runs = v })
            .Switch("--sqlite-only", () => options = options with { SqliteOnly = true })
            .Parse(args);
        return options;
    }
}
