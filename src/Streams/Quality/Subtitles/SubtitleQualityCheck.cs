namespace MediaPlatform.Streams.Quality.Subtitles;

/// <summary>Quality control of one subtitle file's text: parse errors plus the timed-text rules over its cues.</summary>
public static class SubtitleQualityCheck
{
    public static IReadOnlyList<QcFinding> Findings(string text, TimedTextRules rules, string? source = null)
    {
        var document = SubtitleParser.Parse(text);
        var findings = document.Errors
            .Select(e => new QcFinding(QcChecks.SubtitleParse, rules.ParseErrorSeverity, $"line {e.Line}: {e.Message}",
                Cue: e.Cue, Line: e.Line, Source: source))
            .ToList();
        findings.AddRange(TimedTextRuleChecker.Check(document.Cues, rules, source));
        return findings;
    }

    public static QcReport Check(string text, QcThresholds thresholds, string? source = null) =>
        QcReport.From(Findings(text, thresholds.Subtitles, source), thresholds);

    public static async Task<QcReport> RunAsync(SubtitleFile file, QcThresholds thresholds, CancellationToken cancellationToken = default)
    {
        // File.ReadAllTextAsync honours a BOM (UTF-8/16) and defaults to UTF-8, the encoding both formats expect.
        var text = await File.ReadAllTextAsync(file.Path, cancellationToken).ConfigureAwait(false);
        return Check(text, thresholds, file.Name);
    }
}
