namespace MediaPlatform.Actors.Work;

/// <summary>
/// An item a worker holds: assigned, waiting in its encode graph's queue for a slot, then running in one. The actor
/// may replace the assignment with a newer attempt until the graph starts it; from then on the attempt, the slot and
/// the start time are fixed (the timeline draws them). Its switch kills the ffmpeg, or drops the item unstarted.
/// </summary>
internal sealed class HeldEncode(WorkAssignment assignment) : IDisposable
{
    private readonly object _gate = new();
    private WorkAssignment _assignment = assignment;
    private double _progress;

    public WorkAssignment Assignment
    {
        get { lock (_gate) return _assignment; }
    }

    public string WorkId => Assignment.WorkId;

    /// <summary>The slot it runs in; null while it waits in the queue.</summary>
    public int? Slot { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public bool Started
    {
        get { lock (_gate) return Slot is not null; }
    }

    public CancellationTokenSource Cancel { get; } = new();

    /// <summary>Written from the encode's own thread, read by the actor at check-in.</summary>
    public double Progress
    {
        get => Volatile.Read(ref _progress);
        set => Volatile.Write(ref _progress, value);
    }

    /// <summary>The actor's side: a newer attempt replaces the waiting one; false once it has started.</summary>
    public bool TryReplace(WorkAssignment newer)
    {
        lock (_gate)
        {
            if (Slot is not null) return false;
            _assignment = newer;
            return true;
        }
    }

    /// <summary>The graph's side: the item takes its slot now, with the attempt it holds at this moment.</summary>
    public WorkAssignment Start(int slot, DateTimeOffset at)
    {
        lock (_gate)
        {
            Slot = slot;
            StartedAt = at;
            return _assignment;
        }
    }

    public void Dispose() => Cancel.Dispose();
}
