namespace MediaPlatform.Actors.Entities;

/// <summary>
/// A clock that moves only when told: tests (and rehearsals in process) advance billing periods and schedules without
/// waiting. Read by entities on their own threads, so the value is swapped atomically.
/// </summary>
public sealed class ManualClock(DateTimeOffset start) : IClock
{
    private long _utcTicks = start.UtcTicks;

    public DateTimeOffset Now => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _utcTicks, by.Ticks);

    public void Set(DateTimeOffset now) => Interlocked.Exchange(ref _utcTicks, now.UtcTicks);
}
