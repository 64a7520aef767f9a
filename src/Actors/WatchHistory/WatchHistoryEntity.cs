using Akka.Actor;
using MediaPlatform.Actors.Entities;

namespace MediaPlatform.Actors.WatchHistory;

/// <summary>
/// One user's watch history, sharded by user id; rules in <see cref="WatchHistoryState"/>. Its history is not an audit
/// trail: once a snapshot is stored the events it covers are deleted, so a heavy viewer's journal stays small.
/// </summary>
public sealed class WatchHistoryEntity(string userId, WatchHistorySettings history, EntitySettings settings, IClock clock)
    : EventSourcedEntity<WatchHistoryState, IWatchHistoryCommand, IWatchHistoryEvent>(PersistenceIdPrefix + userId, WatchHistoryState.Empty(userId), settings, clock)
{
    public const string PersistenceIdPrefix = "watch-history-";
    public const string TypeName = "watch-history";

    public static Props PropsFor(string userId, WatchHistorySettings history, EntitySettings settings, IClock clock) =>
        Props.Create(() => new WatchHistoryEntity(userId, history, settings, clock));

    protected override bool DeletesEventsBelowSnapshot => true;

    protected override Decision<IWatchHistoryEvent> Decide(WatchHistoryState state, IWatchHistoryCommand command, DateTimeOffset now) =>
        state.Handle(command, now, history);
}
