using MediaPlatform.Actors.Entities;

namespace MediaPlatform.Actors.Tests.Support;

/// <summary>A clock the test moves; read by entities on their own threads, so the value is swapped atomically.</summary>
public sealed class ManualClock(DateTimeOffset start) : IClock
{
    private long _utcTicks = start.UtcTicks;

    public DateTimeOffset Now => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _utcTicks, by.Ticks);

    public void Set(DateTimeOffset now) => Interlocked.Exchange(ref _utcTicks, now.UtcTicks);
}
