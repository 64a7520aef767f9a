namespace MediaPlatform.Actors.Work;

/// <summary>
/// An encode a worker runs: its assignment, the slot it runs in and since when (for the timeline), the switch that
/// kills its ffmpeg, and progress written by the encode task.
/// </summary>
internal sealed class RunningEncode(WorkAssignment assignment, int slot, DateTimeOffset startedAt) : IDisposable
{
    private double _progress;

    public WorkAssignment Assignment { get; } = assignment;

    public int Slot { get; } = slot;

    public DateTimeOffset StartedAt { get; } = startedAt;

    public CancellationTokenSource Cancel { get; } = new();

    /// <summary>Written from the encode's own thread, read by the actor at check-in.</summary>
    public double Progress
    {
        get => Volatile.Read(ref _progress);
        set => Volatile.Write(ref _progress, value);
    }

    public void Dispose() => Cancel.Dispose();
}
