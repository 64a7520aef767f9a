namespace MediaPlatform.Streams.Quality;

/// <summary>
/// The outcome of quality control. <see cref="Passed"/>: nothing at Warning or worse. <see cref="BlocksPublishing"/>:
/// a finding at or above the thresholds' blocking severity. A report can fail (warnings) without blocking.
/// Equality compares the findings element by element, so a report survives a JSON round trip equal to itself.
/// </summary>
public sealed record QcReport(IReadOnlyList<QcFinding> Findings, bool Passed, bool BlocksPublishing)
{
    public static QcReport Empty { get; } = new([], true, false);

    /// <summary>Builds a report whose verdict follows <paramref name="thresholds"/>.</summary>
    public static QcReport From(IEnumerable<QcFinding> findings, QcThresholds thresholds)
    {
        var list = findings.ToArray();
        var passed = list.All(f => f.Severity < QcSeverity.Warning);
        var blocks = thresholds.BlockPublishingAt is { } at && list.Any(f => f.Severity >= at);
        return new QcReport(list, passed, blocks);
    }

    /// <summary>This report's findings plus <paramref name="more"/>, with the verdict recomputed.</summary>
    public QcReport Add(IEnumerable<QcFinding> more, QcThresholds thresholds) => From(Findings.Concat(more), thresholds);

    [System.Text.Json.Serialization.JsonIgnore]
    public QcSeverity? WorstSeverity => Findings.Count == 0 ? null : Findings.Max(f => f.Severity);

    public bool Equals(QcReport? other) =>
        other is not null && Passed == other.Passed && BlocksPublishing == other.BlocksPublishing &&
        Findings.SequenceEqual(other.Findings);

    public override int GetHashCode() => HashCode.Combine(Findings.Count, Passed, BlocksPublishing);
}
