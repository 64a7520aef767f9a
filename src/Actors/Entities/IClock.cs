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
