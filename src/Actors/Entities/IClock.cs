namespace MediaPlatform.Actors.Entities;

/// <summary>The time entities decide with; tests substitute a clock they control.</summary>
public interface IClock
{
    DateTimeOffset Now { get; }
}

public sealed class SystemClock : IClock
{
    public static readonly SystemClock Instance = new();
    public DateTimeOffset Now => DateTimeOffset.UtcNow;
}

/// <summary>
/// The system clock shifted by a fixed offset (<c>media-platform.clock.offset</c>): lets a rehearsal or a test run
/// the billing calendar ahead without waiting. Zero in production.
/// </summary>
public sealed class OffsetClock(TimeSpan offset) : IClock
{
    public TimeSpan Offset { get; } = offset;
    public DateTimeOffset Now => DateTimeOffset.UtcNow + Offset;
}
