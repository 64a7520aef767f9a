namespace MediaPlatform.Node.Api.WatchHistory;

/// <summary>
/// A player's progress report. <c>event</c>: playing (the periodic report, the default), started, paused or ended.
/// <c>durationSeconds</c> is needed only when the node does not know the title's duration.
/// </summary>
public sealed record WatchProgressRequest(double? PositionSeconds, double? DurationSeconds, string? Rung, string? Event);

/// <summary>
/// What the node did with a report: stored it (most periodic reports are not), counted a new view, whether the title
/// now counts as finished, and how often the player should report.
/// </summary>
public sealed record WatchProgressResponse(string TitleId, bool Stored, bool NewView, bool Finished, double ReportIntervalSeconds);

/// <summary>One title to continue: where to resume and how much was watched.</summary>
public sealed record ContinueWatchingItem(string TitleId, string TitleName, double PositionSeconds, double DurationSeconds, double Percent,
    string? Rung, DateTimeOffset UpdatedAt);

public sealed record ContinueWatchingResponse(string UserId, IReadOnlyList<ContinueWatchingItem> Titles);
