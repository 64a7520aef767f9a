namespace MediaPlatform.Actors.Parties;

/// <summary>
/// The shared playback: at server time <paramref name="At"/> the position was <paramref name="PositionSeconds"/>;
/// while playing it advances at <paramref name="Rate"/>. Clients schedule against the server clock from this.
/// </summary>
public sealed record PartyPlayback(bool Playing, double PositionSeconds, double Rate, DateTimeOffset At)
{
    public static PartyPlayback Start(DateTimeOffset at) => new(false, 0, 1, at);

    /// <summary>Where playback is at <paramref name="now"/>.</summary>
    public double PositionAt(DateTimeOffset now) =>
        Playing ? PositionSeconds + Math.Max(0, (now - At).TotalSeconds) * Rate : PositionSeconds;
}
