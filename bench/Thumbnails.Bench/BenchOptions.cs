namespace MediaPlatform.Bench.Thumbnails;

/// <summary>--runs N (default 3), --minutes N (default 10): the title's length.</summary>
public sealed record BenchOptions(int Runs, int Minutes)
{
    public const string Usage = "usage: Thumbnails.Bench [--runs N (3)] [--minutes N (10)]";

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions(Runs: 3, Minutes: 10);
        new BenchArguments(Usage)
            .Int("--runs", v => options = options with { Runs = v })
            .Int("--minutes", v => options = options with { Minutes = v })
            .Parse(args);
        return options;
    }
}
