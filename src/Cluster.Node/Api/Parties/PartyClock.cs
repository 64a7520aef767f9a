using MediaPlatform.Actors.Entities;

namespace MediaPlatform.Node.Api.Parties;

/// <summary>
/// The server clock clients synchronise to: the same clock the party entities stamp playback with (a test's clock, or
/// the system clock shifted by media-platform.clock.offset).
/// </summary>
public sealed class PartyClock(IClock clock)
{
    public DateTimeOffset Now => clock.Now;

    /// <summary>Milliseconds since the Unix epoch, with sub-millisecond precision, for the client's offset estimate.</summary>
    public double UnixMilliseconds => (clock.Now - DateTimeOffset.UnixEpoch).TotalMilliseconds;
}
