using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Actors.WatchHistory;

/// <summary>Every event a user's watch history persists.</summary>
public interface IWatchHistoryEvent : IProtocolMessage;

/// <summary>A new view of a title began (the first, or the first after a long gap): counted for trending.</summary>
[Manifest("watch-history.started.v1")]
public sealed record TitleWatchStarted(string TitleId, string TitleName, double PositionSeconds, double DurationSeconds, string? Rung,
    DateTimeOffset At) : IWatchHistoryEvent;

/// <summary>A position worth keeping (see <see cref="WatchHistorySettings"/> for which are).</summary>
[Manifest("watch-history.progressed.v1")]
public sealed record WatchProgressRecorded(string TitleId, string TitleName, double PositionSeconds, double DurationSeconds, string? Rung,
    DateTimeOffset At) : IWatchHistoryEvent;

/// <summary>The title left the history: removed by the user, or the oldest one when the history was full.</summary>
[Manifest("watch-history.removed.v1")]
public sealed record WatchEntryRemoved(string TitleId, DateTimeOffset At) : IWatchHistoryEvent;
