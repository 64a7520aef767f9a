namespace MediaPlatform.Specs.Chaos;

/// <summary>Every command the load generator sent, with its outcome; written by all clients at once.</summary>
public sealed class CommandLog
{
    private readonly Lock _gate = new();
    private readonly List<CommandRecord> _records = [];

    public void Add(CommandRecord record)
    {
        lock (_gate) _records.Add(record);
    }

    public IReadOnlyList<CommandRecord> Records { get { lock (_gate) return _records.ToArray(); } }

    public int AckedBetween(TimeSpan from, TimeSpan to) =>
        Records.Count(r => r.Outcome == CommandOutcome.Acked && r.AnsweredAt >= from && r.AnsweredAt < to);
}
