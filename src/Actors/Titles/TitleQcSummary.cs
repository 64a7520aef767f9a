namespace MediaPlatform.Actors.Titles;

/// <summary>
/// Quality control's verdict on a title, as the title keeps it: passed (nothing at warning or worse), whether it blocks
/// publishing, and one line per finding. The full report stays with quality control; this is what a person reads.
/// </summary>
public sealed record TitleQcSummary(bool Passed, bool BlocksPublishing, IReadOnlyList<string> Findings)
{
    public bool SameAs(TitleQcSummary other) =>
        Passed == other.Passed && BlocksPublishing == other.BlocksPublishing && Findings.SequenceEqual(other.Findings);
}
