using MediaPlatform.Actors.Entities;

namespace MediaPlatform.Node.Api.Trending;

/// <summary>The clock the entities and the trending recorder use, for routes that read time-bucketed counters.</summary>
public sealed class ViewClock(IClock clock)
{
    public DateTimeOffset Now => clock.Now;
}
