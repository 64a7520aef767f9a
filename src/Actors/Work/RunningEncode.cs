namespace MediaPlatform.Actors.Work;

/// <summary>An encode a worker runs: its assignment, the switch that kills its ffmpeg, and progress written by the encode task.</summary>
internal sealed class RunningEncode(WorkAssignment assignment) : IDisposable
{
    private double _progress;

    public WorkAssignment Assignment { get; } = assignment;

    public CancellationTokenSource Cancel { get; } = new();

    /// <summary>Written from the encode's own thread, read by the actor at check-in.</summary>
    public double Progress
    {
        get => Volatile.Read(ref _progress);
        set => Volatile.Write(ref _progress, value);
    }

    public void Dispose() => Cancel.Dispose();
}
