namespace MediaPlatform.Node.Persistence.Journal;

/// <summary>
/// Whether the journal's tables are ready, checked once and again after a failure: a check that failed (the database
/// was locked or restarting when the first entity started) is not the journal's answer for the rest of the process —
/// the next read or write checks again.
/// </summary>
public sealed class SchemaGate(Func<Task> check)
{
    private readonly object _gate = new();
    private Task? _current;

    /// <summary>Completes when the tables exist; fails with why they could not be made ready this time.</summary>
    public Task ReadyAsync()
    {
        lock (_gate)
        {
            if (_current is null || _current.IsFaulted || _current.IsCanceled)
                _current = check();
            return _current;
        }
    }
}
