using MediaPlatform.Streams.Quality;
using MediaPlatform.Streams.Quality.Subtitles;

namespace MediaPlatform.Streams.Tests.Quality.Subtitles;

public class TimedTextRuleTests
{
    private static IReadOnlyList<QcFinding> Check(SubtitleFormat format, TestCue[] cues, out IReadOnlyList<int> timingLines)
    {
        (var text, timingLines) = SubtitleText.Write(format, cues);
        Assert.Equal(format, SubtitleParser.Parse(text).Format);
        return SubtitleQualityCheck.Findings(text, TimedTextRules.Default);
    }

    /// <summary>The clean file with its second cue replaced.</summary>
    private static TestCue[] WithSecond(TestCue second)
    {
        var cues = SubtitleText.Clean();
        cues[1] = second;
        return cues;
    }

    private static void AssertOnly(string check, int cue, IReadOnlyList<QcFinding> findings, IReadOnlyList<int> timingLines)
    {
        var finding = Assert.Single(findings);
        Assert.Equal(check, finding.Check);
        Assert.Equal(QcSeverity.Warning, finding.Severity);
        Assert.Equal(cue, finding.Cue);
        Assert.Equal(timingLines[cue - 1], finding.Line);
        Assert.Contains($"cue {cue} (line {timingLines[cue - 1]})", finding.Message);
    }

    [Theory]
    [InlineData(SubtitleFormat.WebVtt)]
    [InlineData(SubtitleFormat.Srt)]
    public void A_clean_file_has_no_findings(SubtitleFormat format) =>
        Assert.Empty(Check(format, SubtitleText.Clean(), out _));

    [Theory]
    [InlineData(SubtitleFormat.WebVtt)]
    [InlineData(SubtitleFormat.Srt)]
    public void Overlapping_events(SubtitleFormat format)
    {
        var findings = Check(format, WithSecond(new TestCue(2.5, 5, "How are you?")), out var lines);
        AssertOnly(QcChecks.SubtitleOverlap, 2, findings, lines);
    }

    [Theory]
    [InlineData(SubtitleFormat.WebVtt)]
    [InlineData(SubtitleFormat.Srt)]
    public void Too_short(SubtitleFormat format)
    {
        var findings = Check(format, WithSecond(new TestCue(4, 4.8, "Hi.")), out var lines);
        AssertOnly(QcChecks.SubtitleTooShort, 2, findings, lines);
        Assert.Empty(Check(format, WithSecond(new TestCue(4, 4.834, "Hi.")), out _)); // 5/6 s, to the millisecond
    }

    [Theory]
    [InlineData(SubtitleFormat.WebVtt)]
    [InlineData(SubtitleFormat.Srt)]
    public void Too_long(SubtitleFormat format)
    {
        var cues = SubtitleText.Clean();
        cues[2] = new TestCue(8, 15.5, "Good.");
        var findings = Check(format, cues, out var lines);
        AssertOnly(QcChecks.SubtitleTooLong, 3, findings, lines);
        cues[2] = new TestCue(8, 15, "Good.");
        Assert.Empty(Check(format, cues, out _));
    }

    [Theory]
    [InlineData(SubtitleFormat.WebVtt)]
    [InlineData(SubtitleFormat.Srt)]
    public void Three_lines(SubtitleFormat format)
    {
        var findings = Check(format, WithSecond(new TestCue(4, 6, "One.", "Two.", "Three.")), out var lines);
        AssertOnly(QcChecks.SubtitleLineCount, 2, findings, lines);
    }

    [Theory]
    [InlineData(SubtitleFormat.WebVtt)]
    [InlineData(SubtitleFormat.Srt)]
    public void A_line_of_43_characters(SubtitleFormat format)
    {
        var line43 = new string('a', 20) + " " + new string('b', 22);
        var findings = Check(format, WithSecond(new TestCue(4, 7, line43)), out var lines);
        AssertOnly(QcChecks.SubtitleLineLength, 2, findings, lines);
        Assert.Contains("43 characters", findings[0].Message);
        // 42 visible characters pass, tags not counted.
        Assert.Empty(Check(format, WithSecond(new TestCue(4, 7, "<i>" + line43[..42] + "</i>")), out _));
    }

    [Theory]
    [InlineData(SubtitleFormat.WebVtt)]
    [InlineData(SubtitleFormat.Srt)]
    public void Reading_speed(SubtitleFormat format)
    {
        var thirty = new string('x', 15) + " " + new string('y', 14);
        // 60 characters in 3 s: 20 characters/s.
        var findings = Check(format, WithSecond(new TestCue(4, 7, thirty, thirty)), out var lines);
        AssertOnly(QcChecks.SubtitleReadingSpeed, 2, findings, lines);
        // 51 characters (tags not counted) in 3 s: exactly 17/s.
        Assert.Empty(Check(format, WithSecond(new TestCue(4, 7, "<b>" + thirty + "</b>", thirty[..21])), out _));
    }

    [Theory]
    [InlineData(SubtitleFormat.WebVtt)]
    [InlineData(SubtitleFormat.Srt)]
    public void A_one_frame_gap(SubtitleFormat format)
    {
        var findings = Check(format, WithSecond(new TestCue(3.04, 6, "How are you?")), out var lines);
        AssertOnly(QcChecks.SubtitleGap, 2, findings, lines);
        Assert.Empty(Check(format, WithSecond(new TestCue(3.08, 6, "How are you?")), out _)); // two frames at 25 fps
    }

    [Fact]
    public void The_frame_rate_and_limits_are_parameters()
    {
        var (text, _) = SubtitleText.Write(SubtitleFormat.Srt, WithSecond(new TestCue(3.08, 6, "How are you?")));
        var at24 = TimedTextRules.Default with { FrameRate = 24 }; // two frames are 83 ms
        Assert.Equal(QcChecks.SubtitleGap, Assert.Single(SubtitleQualityCheck.Findings(text, at24)).Check);

        var children = TimedTextRules.Default with { MaxCharactersPerSecond = 13 };
        var (busy, _) = SubtitleText.Write(SubtitleFormat.Srt, new TestCue(1, 3, "Twenty-eight characters ok."));
        Assert.Empty(SubtitleQualityCheck.Findings(busy, TimedTextRules.Default));
        Assert.Equal(QcChecks.SubtitleReadingSpeed, Assert.Single(SubtitleQualityCheck.Findings(busy, children)).Check);
    }
}
