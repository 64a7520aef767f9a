using MathNet.Numerics;

namespace MediaPlatform.Bench.Scalability;

/// <summary>
/// Gunther's universal scalability law, C(N) = N / (1 + σ(N−1) + κN(N−1)), fitted to measured throughput normalised
/// to N = 1. Linearised: y = N/C − 1 = σ(N−1) + κN(N−1); with x = N−1, N(N−1) = x² + x, so y = (σ+κ)x + κx², a least
/// squares fit on the functions x and x² (no constant: y is 0 at N = 1) gives a = σ+κ and b = κ.
/// </summary>
public sealed record UslModel(double Sigma, double Kappa, double RSquared)
{
    /// <summary>Relative capacity at N, the model's C(N).</summary>
    public double Capacity(double n) => n / (1 + Sigma * (n - 1) + Kappa * n * (n - 1));

    /// <summary>N* = √((1−σ)/κ), where C peaks; none when κ ≤ 0 (the points show no coherency cost: no peak).</summary>
    public double? PeakN => Kappa > 0 && Sigma < 1 ? Math.Sqrt((1 - Sigma) / Kappa) : null;

    /// <param name="points">Must hold N = 1 (the normalisation) and at least two other N.</param>
    public static UslModel Fit(IReadOnlyList<ThroughputPoint> points)
    {
        var one = points.SingleOrDefault(p => p.N == 1) ?? throw new ArgumentException("the fit needs the N = 1 point");
        if (points.Count < 3) throw new ArgumentException("the fit needs at least 3 points");
        var x = points.Select(p => p.N - 1.0).ToArray();
        var y = points.Select(p => p.N / Relative(p, one) - 1).ToArray();
        var ab = MathNet.Numerics.Fit.LinearCombination(x, y, v => v, v => v * v);
        var model = new UslModel(Sigma: ab[0] - ab[1], Kappa: ab[1], RSquared: double.NaN);
        // R² of the curve against the measured relative capacities (what the picture shows).
        var rSquared = GoodnessOfFit.RSquared(points.Select(p => model.Capacity(p.N)), points.Select(p => Relative(p, one)));
        return model with { RSquared = rSquared };
    }

    public static double Relative(ThroughputPoint point, ThroughputPoint one) => point.PerSecond / one.PerSecond;
}
