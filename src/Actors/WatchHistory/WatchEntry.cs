namespace MediaPlatform.Actors.WatchHistory;

/// <summary>
/// One title in a user's history: the last stored position, when it was stored (<paramref name="UpdatedAt"/>) and
/// when the current view of it began (<paramref name="ViewStartedAt"/>).
/// </summary>
public sealed record WatchEntry(string TitleId, string TitleName, double PositionSeconds, double DurationSeconds, string? Rung,
    DateTimeOffset UpdatedAt, DateTimeOffset ViewStartedAt)
{
    /// <summary>How much of the title was watched, 0–100, one decimal.</summary>
    public double PercentWatched() => DurationSeconds <= 0 ? 0 : Math.Round(Math.Min(100, PositionSeconds / DurationSeconds * 100), 1);

    /// <summary>Watched to the end: past the finished fraction of the duration, or inside the credits tail.</summary>
    public bool IsFinished(WatchHistorySettings settings) =>
        PositionSeconds >= DurationSeconds * settings.FinishedFraction
        || (settings.CreditsTail > 0 && DurationSeconds - PositionSeconds <= settings.CreditsTail);
}
