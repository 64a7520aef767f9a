namespace MediaPlatform.Bench.Journal;

/// <summary>Medians over the runs of one backend. Ratio = journal events/s ÷ raw rows/s.</summary>
public sealed record BackendResult(string Backend, double JournalPerSecond, double RawPerSecond)
{
    public const double Goal = 0.50;

    public double Ratio => JournalPerSecond / RawPerSecond;

    public bool GoalMet => Ratio >= Goal;
}
