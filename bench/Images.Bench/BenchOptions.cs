namespace MediaPlatform.Bench.Images;

/// <summary><paramref name="Images"/> uploads per measurement, <paramref name="Runs"/> measurements of each kind (medians reported).</summary>
public sealed record BenchOptions(int Images, int Runs)
{
    public const string Usage = "usage: Images.Bench [--images N (40)] [--runs N (3)]";

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions(Images: 40, Runs: 3);
        new BenchArguments(Usage)
            .Int("--images", v => options = options with { Images = v })
            .Int("--runs", v => options = options with { Runs = v })
            .Parse(args);
        return options;
    }
}
