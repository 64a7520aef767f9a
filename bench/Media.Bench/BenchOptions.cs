namespace MediaPlatform.Bench.Media;

/// <summary>--seconds N (source length, default 60), --runs N (default 1; medians), --keep (keep the work folder).</summary>
public sealed record BenchOptions(int Seconds, int Runs, bool Keep)
{
    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions(60, 1, false);
        for (var i = 0; i < args.Length; i++)
        {
            options = args[i] switch
            {
                "--seconds" => options with { Seconds = int.Parse(args[++i]) },
                "--runs" => options with { Runs = int.Parse(args[++i]) },
                "--keep" => options with { Keep = true },
                _ => throw new ArgumentException($"unknown argument '{args[i]}'; use --seconds N, --runs N, --keep"),
            };
        }
        if (options.Seconds < 10 || options.Runs < 1) throw new ArgumentException("--seconds must be at least 10 and --runs at least 1");
        return options;
    }
}
