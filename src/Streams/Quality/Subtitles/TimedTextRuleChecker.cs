using System.Globalization;

namespace MediaPlatform.Streams.Quality.Subtitles;

/// <summary>
/// Timed-text style rules over parsed cues: overlap, minimum gap, duration bounds, line count, line length and reading
/// speed. Each finding names the cue's index and the file line of its timing line. Timestamps in these files have
/// millisecond resolution, so bounds given in frames or fractions get half a millisecond of slack.
/// </summary>
public static class TimedTextRuleChecker
{
    private static readonly TimeSpan Slack = TimeSpan.FromTicks(TimeSpan.TicksPerMillisecond / 2);

    public static IEnumerable<QcFinding> Check(IReadOnlyList<SubtitleCue> cues, TimedTextRules rules, string? source = null)
    {
        var minGap = TimeSpan.FromTicks((long)Math.Round(rules.MinGapFrames * TimeSpan.TicksPerSecond / rules.FrameRate));
        SubtitleCue? latest = null; // the earlier cue that ends last: what a new cue can overlap or crowd
        foreach (var cue in cues)
        {
            QcFinding Finding(string check, string message) =>
                new(check, rules.RuleSeverity, $"cue {cue.Index} (line {cue.Line}): {message}", cue.Start, cue.End,
                    Cue: cue.Index, Line: cue.Line, Source: source);

            if (latest is not null)
            {
                var gap = cue.Start - latest.End;
                if (gap < TimeSpan.Zero)
                    yield return Finding(QcChecks.SubtitleOverlap,
                        $"starts at {T(cue.Start)}, before cue {latest.Index} ends at {T(latest.End)}");
                else if (gap < minGap - Slack)
                    yield return Finding(QcChecks.SubtitleGap,
                        $"starts {gap.TotalMilliseconds:0} ms after cue {latest.Index}; at least {rules.MinGapFrames} frames ({minGap.TotalMilliseconds:0} ms at {rules.FrameRate.ToString(CultureInfo.InvariantCulture)} fps) expected");
            }
            if (latest is null || cue.End > latest.End) latest = cue;

            if (cue.Duration < rules.MinDuration - Slack)
                yield return Finding(QcChecks.SubtitleTooShort, $"shown for {S(cue.Duration)}, less than {S(rules.MinDuration)}");
            if (cue.Duration > rules.MaxDuration)
                yield return Finding(QcChecks.SubtitleTooLong, $"shown for {S(cue.Duration)}, more than {S(rules.MaxDuration)}");
            if (cue.TextLines.Count > rules.MaxLines)
                yield return Finding(QcChecks.SubtitleLineCount, $"{cue.TextLines.Count} lines, at most {rules.MaxLines} allowed");

            var characters = 0;
            for (var i = 0; i < cue.TextLines.Count; i++)
            {
                var length = CueText.Characters(cue.TextLines[i]);
                characters += length;
                if (length > rules.MaxCharactersPerLine)
                    yield return Finding(QcChecks.SubtitleLineLength,
                        $"text line {i + 1} (file line {cue.Line + 1 + i}) has {length} characters, at most {rules.MaxCharactersPerLine} allowed");
            }
            var speed = characters / cue.Duration.TotalSeconds;
            if (speed > rules.MaxCharactersPerSecond)
                yield return Finding(QcChecks.SubtitleReadingSpeed,
                    $"{characters} characters in {S(cue.Duration)} is {speed.ToString("0.0", CultureInfo.InvariantCulture)} characters/s, at most {rules.MaxCharactersPerSecond.ToString(CultureInfo.InvariantCulture)} allowed");
        }
    }

    private static string S(TimeSpan t) => t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";
    private static string T(TimeSpan t) => t.ToString(@"hh\:mm\:ss\.fff", CultureInfo.InvariantCulture);
}
