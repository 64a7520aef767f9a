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
        for (var i = 0; i < args.Count; i++)
        {
            options = args[i] switch
            {
                "--events" => options with { Events = PositiveInt(args, ++i) },
                "--actors" => options with { Actors = PositiveInt(args, ++i) },
                "--runs" => options with { Runs = PositiveInt(args, ++i) },
                "--sqlite-only" => options with { SqliteOnly = true },
                var other => throw new ArgumentException($"unknown argument '{other}'"),
            };
        }
        return options;
    }

    private static int PositiveInt(IReadOnlyList<string> args, int index)
    {
        var flag = args[index - 1];
        if (index >= args.Count || !int.TryParse(args[index], out var value) || value <= 0)
            throw new ArgumentException($"{flag} needs a positive whole number");
        return value;
    }
}
