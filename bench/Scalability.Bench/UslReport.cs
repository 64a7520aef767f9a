namespace MediaPlatform.Bench.Scalability;

/// <summary>Prints a series' table and fit, and draws it.</summary>
public static class UslReport
{
    public static void Print(string series, string xName, IReadOnlyList<ThroughputPoint> points, string pngPath)
    {
        var one = points.Single(p => p.N == 1);
        Console.WriteLine();
        Console.WriteLine($"{series}");
        Console.WriteLine($"| {xName} | clients | req/s | C(N) = X(N)/X(1) | failed |");
        Console.WriteLine("|---:|---:|---:|---:|---:|");
        foreach (var p in points)
            Console.WriteLine($"| {p.N} | {p.Clients} | {p.PerSecond:N0} | {UslModel.Relative(p, one):0.00} | {p.Failed} |");
        var model = UslModel.Fit(points);
        var peak = model.PeakN is { } n ? $"{n:0.0}" : "none (κ ≤ 0: no coherency cost measured)";
        Console.WriteLine($"USL fit: σ = {model.Sigma:0.0000}  κ = {model.Kappa:0.00000}  N* = {peak}  R² = {model.RSquared:0.000}");
        UslChart.Save(pngPath, series, xName, points, model);
        Console.WriteLine($"picture: {pngPath}");
    }
}
