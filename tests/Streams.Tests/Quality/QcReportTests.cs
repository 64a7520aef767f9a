using System.Text.Json;
using MediaPlatform.Streams.Quality;

namespace MediaPlatform.Streams.Tests.Quality;

public class QcReportTests
{
    private static readonly QcFinding Info = new(QcChecks.NoAudio, QcSeverity.Info, "no audio");
    private static readonly QcFinding Warning = new(QcChecks.Black, QcSeverity.Warning, "black",
        TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4.04));
    private static readonly QcFinding Error = new(QcChecks.SubtitleParse, QcSeverity.Error, "line 7: bad timestamp",
        Cue: 2, Line: 7, Source: "en.vtt");

    [Fact]
    public void Only_info_passes()
    {
        var report = QcReport.From([Info], QcThresholds.Default);
        Assert.True(report.Passed);
        Assert.False(report.BlocksPublishing);
    }

    [Fact]
    public void A_warning_fails_without_blocking_unless_warnings_are_made_to_block()
    {
        var report = QcReport.From([Info, Warning], QcThresholds.Default);
        Assert.False(report.Passed);
        Assert.False(report.BlocksPublishing);

        var strict = QcReport.From([Info, Warning], QcThresholds.Default with { BlockPublishingAt = QcSeverity.Warning });
        Assert.True(strict.BlocksPublishing);
    }

    [Fact]
    public void An_error_blocks_unless_nothing_is_set_to_block()
    {
        Assert.True(QcReport.From([Error], QcThresholds.Default).BlocksPublishing);
        Assert.False(QcReport.From([Error], QcThresholds.Default with { BlockPublishingAt = null }).BlocksPublishing);
        Assert.Equal(QcSeverity.Error, QcReport.From([Info, Error, Warning], QcThresholds.Default).WorstSeverity);
    }

    [Fact]
    public void Adding_findings_recomputes_the_verdict()
    {
        var report = QcReport.From([Info], QcThresholds.Default).Add([Error], QcThresholds.Default);
        Assert.Equal([Info, Error], report.Findings);
        Assert.True(report.BlocksPublishing);
    }

    [Fact]
    public void A_report_and_thresholds_survive_a_json_round_trip()
    {
        var report = QcReport.From([Info, Warning, Error, new QcFinding(QcChecks.StuckPixel, QcSeverity.Warning, "pixel", X: 100, Y: 60)],
            QcThresholds.Default);
        var thresholds = QcThresholds.Default with
        {
            BlockPublishingAt = QcSeverity.Warning,
            BlackWarningAfter = TimeSpan.FromSeconds(1.5),
            Subtitles = TimedTextRules.Default with { FrameRate = 23.976 },
        };

        var json = JsonSerializer.Serialize(report);
        var back = JsonSerializer.Deserialize<QcReport>(json);
        var thresholdsBack = JsonSerializer.Deserialize<QcThresholds>(JsonSerializer.Serialize(thresholds));

        Assert.Equal(report, back);
        Assert.Contains("\"Severity\":\"Warning\"", json); // by name: stored events survive reordering the enum
        Assert.Equal(thresholds, thresholdsBack);
    }
}
