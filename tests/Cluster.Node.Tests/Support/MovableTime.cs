namespace MediaPlatform.Node.Tests.Support;

/// <summary>A clock the spec moves (token expiry without waiting).</summary>
public sealed class MovableTime(DateTimeOffset now) : TimeProvider
{
    private DateTimeOffset _now = now;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
