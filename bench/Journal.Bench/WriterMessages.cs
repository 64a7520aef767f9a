namespace MediaPlatform.Bench.Journal;

/// <summary>Asks an <see cref="EventWriter"/> to persist one more event. Local only, never serialized.</summary>
public sealed record Append
{
    public static Append Instance { get; } = new();
}

/// <summary>An <see cref="EventWriter"/>'s answer once its last event is acknowledged by the journal.</summary>
public sealed record Finished(string PersistenceId);
