using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Actors.WatchHistory;

/// <summary>Every message a user's watch history handles; routed by <see cref="UserId"/>.</summary>
public interface IWatchHistoryCommand : IWithEntityId, IProtocolMessage
{
    string UserId { get; }
    string IWithEntityId.EntityId => UserId;
}

/// <summary>What the player was doing when it reported.</summary>
public enum WatchReportKind
{
    /// <summary>Playback is going on (the periodic report).</summary>
    Playing,
    /// <summary>The viewer opened the title and playback began.</summary>
    Started,
    /// <summary>Paused, or the page is going away.</summary>
    Paused,
    /// <summary>Playback reached the end.</summary>
    Ended,
}

/// <summary>
/// The player's report: <paramref name="PositionSeconds"/> into <paramref name="TitleId"/> (named
/// <paramref name="TitleName"/>, <paramref name="DurationSeconds"/> long), played at rung <paramref name="Rung"/>.
/// The caller has checked that the user may watch the title.
/// </summary>
[Manifest("watch-history.report.v1")]
public sealed record ReportWatchProgress(string UserId, string TitleId, string TitleName, double PositionSeconds, double DurationSeconds,
    string? Rung, WatchReportKind Kind) : IWatchHistoryCommand;

/// <summary>Takes a title off the user's history (and so off continue-watching).</summary>
[Manifest("watch-history.remove.v1")]
public sealed record RemoveWatchEntry(string UserId, string TitleId) : IWatchHistoryCommand;

/// <summary>The unfinished titles, most recently watched first.</summary>
[Manifest("watch-history.get-continue.v1")]
public sealed record GetContinueWatching(string UserId) : IWatchHistoryCommand;

/// <summary>
/// The answer to a report: whether it was stored (most periodic reports are not), and whether it began a new view
/// (which the node then counts for trending).
/// </summary>
[Manifest("watch-history.reported.v1")]
public sealed record WatchProgressAccepted(string UserId, string TitleId, bool Stored, bool NewView, bool Finished) : IProtocolMessage;

/// <summary>The titles to continue, most recent first.</summary>
[Manifest("watch-history.continue.v1")]
public sealed record ContinueWatchingList(string UserId, IReadOnlyList<WatchEntry> Entries) : IProtocolMessage;

/// <summary>The answer to a removal.</summary>
[Manifest("watch-history.entry-removed-reply.v1")]
public sealed record WatchEntryRemovedReply(string UserId, string TitleId, bool Existed) : IProtocolMessage;
