namespace MediaPlatform.Bench.Scalability;

/// <summary>Answered and failed requests, counted from every client at once.</summary>
public sealed class LoadTally
{
    private long _ok;
    private long _failed;

    public long Ok => Interlocked.Read(ref _ok);
    public long Failed => Interlocked.Read(ref _failed);

    public void Add(bool ok)
    {
        if (ok) Interlocked.Increment(ref _ok);
        else Interlocked.Increment(ref _failed);
    }
}
