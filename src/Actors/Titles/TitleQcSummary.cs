using MediaPlatform.Streams.Quality;

namespace MediaPlatform.Actors.Titles;

/// <summary>
/// Quality control's verdict on a title, as the title keeps it: passed (nothing at warning or worse), whether it blocks
/// publishing, and one line per finding. The full report stays with quality control; this is what a person reads.
/// </summary>
public sealed record TitleQcSummary(bool Passed, bool BlocksPublishing, IReadOnlyList<string> Findings)
{
    /// <summary>One line per finding, worst first: severity, check, where (time span, pixel, subtitle line) and the message.</summary>
    public static TitleQcSummary From(QcReport report) =>
        new(report.Passed, report.BlocksPublishing, report.Findings.OrderByDescending(f => f.Severity).Select(Line).ToList());

    private static string Line(QcFinding f)
    {
        var where = new List<string>();
        if (f.Source is { } source) where.Add(source);
        if (f.Start is { } start) where.Add(f.End is { } end ? $"{start:hh\\:mm\\:ss\\.f}-{end:hh\\:mm\\:ss\\.f}" : $"{start:hh\\:mm\\:ss\\.f}");
        if (f.X is { } x && f.Y is { } y) where.Add($"pixel {x},{y}");
        if (f.Line is { } line) where.Add($"line {line}");
        var at = where.Count == 0 ? "" : $" [{string.Join(", ", where)}]";
        return $"{f.Severity.ToString().ToLowerInvariant()} {f.Check}{at}: {f.Message}";
    }

    public bool SameAs(TitleQcSummary other) =>
        Passed == other.Passed && BlocksPublishing == other.BlocksPublishing && Findings.SequenceEqual(other.Findings);
}
