using MediaPlatform.Actors.Entities;

namespace MediaPlatform.Actors.Tests.Support;

/// <summary>A clock the test moves.</summary>
public sealed class ManualClock(DateTimeOffset start) : IClock
{
    private long _ticks = start.UtcTicks;
    public DateTimeOffset Now => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);
    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
