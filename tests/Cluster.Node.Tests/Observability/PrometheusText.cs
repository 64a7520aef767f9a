using System.Globalization;

namespace MediaPlatform.Node.Tests.Observability;

/// <summary>A scrape of GET /metrics (Prometheus text format): one sample per series line, comments skipped.</summary>
public sealed partial class PrometheusText
{
    private PrometheusText(string text, IReadOnlyList<(string Series, double Value)> samples) => (Text, Samples) = (text, samples);

    public string Text { get; }

    /// <summary>Series ("name{labels}") and their values.</summary>
    public IReadOnlyList<(string Series, double Value)> Samples { get; }

    public static PrometheusText Parse(string text)
    {
        var samples = new List<(string, double)>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith('#')) continue;
            // name{labels} value [timestamp]: label values never contain "} " in our output, so split at the last '}'.
            var close = line.LastIndexOf('}');
            var valueStart = close >= 0 ? close + 1 : line.IndexOf(' ');
            var series = line[..valueStart].Trim();
            var value = line[valueStart..].Trim().Split(' ')[0];
            samples.Add((series, double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture)));
        }
        return new PrometheusText(text, samples);
    }

    /// <summary>The sum of the metric's series whose labels include every given label="value".</summary>
    public double Sum(string metric, params string[] labels) =>
        Samples.Where(s => NameOf(s.Series) == metric && labels.All(l => s.Series.Contains(l, StringComparison.Ordinal))).Sum(s => s.Value);

    public bool Has(string metric) => Samples.Any(s => NameOf(s.Series) == metric);

    /// <summary>Series whose name starts with one of the prefixes.</summary>
    public IEnumerable<string> Series(params string[] prefixes) =>
        Samples.Select(s => s.Series).Where(s => prefixes.Any(p => s.StartsWith(p, StringComparison.Ordinal)));

    /// <summary>
    /// Distinct label sets of the metrics with these prefixes, a histogram's buckets, sum and count counted once:
    /// what grows when a label takes a new value.
    /// </summary>
    public IEnumerable<string> LabelSets(params string[] prefixes) =>
        Series(prefixes).Select(s => BucketLabel().Replace(HistogramSuffix().Replace(s, "{"), "")).Distinct();

    [System.Text.RegularExpressions.GeneratedRegex(@"(_bucket|_sum|_count)\{")]
    private static partial System.Text.RegularExpressions.Regex HistogramSuffix();

    [System.Text.RegularExpressions.GeneratedRegex(@",?le=""[^""]*""")]
    private static partial System.Text.RegularExpressions.Regex BucketLabel();

    private static string NameOf(string series)
    {
        var brace = series.IndexOf('{');
        return brace < 0 ? series : series[..brace];
    }
}
