namespace MediaPlatform.Streams.Quality;

/// <summary>Timed-text style rules (Netflix defaults). Use 13 characters/s for children's programmes.</summary>
public sealed record TimedTextRules
{
    public int MaxLines { get; init; } = 2;
    public int MaxCharactersPerLine { get; init; } = 42;
    public double MaxCharactersPerSecond { get; init; } = 17;
    public TimeSpan MinDuration { get; init; } = TimeSpan.FromTicks(TimeSpan.TicksPerSecond * 5 / 6);
    public TimeSpan MaxDuration { get; init; } = TimeSpan.FromSeconds(7);
    /// <summary>Minimum gap between consecutive events, in frames of <see cref="FrameRate"/>.</summary>
    public int MinGapFrames { get; init; } = 2;
    public double FrameRate { get; init; } = 25;
    public QcSeverity RuleSeverity { get; init; } = QcSeverity.Warning;
    public QcSeverity ParseErrorSeverity { get; init; } = QcSeverity.Error;

    public static TimedTextRules Default { get; } = new();
}
