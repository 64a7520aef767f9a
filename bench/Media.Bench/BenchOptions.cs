namespace MediaPlatform.Bench.Media;

/// <summary>
/// --seconds N (source length, default 60), --runs N (default 1; medians), --keep (keep the work folder), --quick (only
/// the baseline and the pipeline on one node: the timeline's quickest meaningful run), --shipped-priority (the nodes'
/// ffmpeg at nice 10 as shipped; by default at the baseline's priority).
/// </summary>
public sealed record BenchOptions(int Seconds, int Runs, bool Keep, bool Quick = false, bool ShippedPriority = false)
{
    public const string Usage = "usage: Media.Bench [--seconds N (60, at least 10)] [--runs N (1)] [--keep] [--quick (scenarios 1 and 2 only)] [--shipped-priority (ffmpeg at nice 10)]";

    /// <summary>Parses the flags; throws <see cref="ArgumentException"/> with a one-line message on bad input.</summary>
    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions(Seconds: 60, Runs: 1, Keep: false);
        new BenchArguments(Usage)
            .Int("--seconds", v => options = options with { Seconds = v }, min: 10)
            .Int("--runs", v => options = options with { Runs = v })
            .Switch("--keep", () => options = options with { Keep = true })
            .Switch("--quick", () => options = options with { Quick = true })
            .Switch("--shipped-priority", () => options = options with { ShippedPriority = true })
            .Parse(args);
        return options;
    }
}
