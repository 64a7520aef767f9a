using ScottPlot;

namespace MediaPlatform.Bench.Scalability;

/// <summary>Measured relative capacity, the fitted USL curve and linear scaling for reference, as a PNG.</summary>
public static class UslChart
{
    public static void Save(string path, string title, string xLabel, IReadOnlyList<ThroughputPoint> points, UslModel model)
    {
        var one = points.Single(p => p.N == 1);
        var plot = new Plot();
        var maxN = Math.Max(points.Max(p => p.N), model.PeakN is { } peak && peak < 4 * points.Max(p => p.N) ? Math.Ceiling(peak) : 0);
        var curveN = Enumerable.Range(0, 201).Select(i => 1 + (maxN - 1) * i / 200.0).ToArray();

        // Linear scaling for reference, cut where it would squash the measured points into the bottom of the picture.
        var top = Math.Min(maxN, Math.Max(3, 2 * points.Max(p => UslModel.Relative(p, one))));
        var linear = plot.Add.ScatterLine(new[] { 1.0, top }, new[] { 1.0, top });
        linear.LegendText = "linear scaling";
        linear.LinePattern = LinePattern.Dashed;
        linear.Color = Colors.Gray;

        var fitted = plot.Add.ScatterLine(curveN, curveN.Select(model.Capacity).ToArray());
        fitted.LegendText = $"USL fit: σ = {model.Sigma:0.000}, κ = {model.Kappa:0.0000}, R² = {model.RSquared:0.000}";
        fitted.LineWidth = 2;

        var measured = plot.Add.ScatterPoints(points.Select(p => (double)p.N).ToArray(), points.Select(p => UslModel.Relative(p, one)).ToArray());
        measured.LegendText = $"measured (N = 1: {one.PerSecond:N0} req/s)";
        measured.MarkerSize = 10;

        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel("relative capacity C(N) = X(N) / X(1)");
        plot.ShowLegend(Alignment.UpperLeft);
        plot.SavePng(path, 900, 560);
    }
}
