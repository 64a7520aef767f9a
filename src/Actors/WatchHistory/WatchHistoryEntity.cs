using Akka.Actor;
using MediaPlatform.Actors.Entities;

namespace MediaPlatform.Actors.WatchHistory;

/// <summary>
/// One user's watch history, sharded by user id; rules in <see cref="WatchHistoryState"/>. Its events are kept after a
/// snapshot (recovery still starts from the snapshot): the views projection counts the durable daily views from its
/// <see cref="TitleWatchStarted"/> events, and a rebuild of that projection, or a projection that was down for a
/// while, needs them still in the journal. Deleting the events a snapshot covers would delete those views with them.
/// </summary>
public sealed class WatchHistoryEntity(string userId, WatchHistorySettings history, EntitySettings settings, IClock clock)
    : EventSourcedEntity<WatchHistoryState, IWatchHistoryCommand, IWatchHistoryEvent>(PersistenceIdPrefix + userId, WatchHistoryState.Empty(userId), settings, clock)
{
    public const string PersistenceIdPrefix = "watch-history-";
    public const string TypeName = "watch-history";

    public static Props PropsFor(string userId, WatchHistorySettings history, EntitySettings settings, IClock clock) =>
        Props.Create(() => new WatchHistoryEntity(userId, history, settings, clock));

    protected override Decision<IWatchHistoryEvent> Decide(WatchHistoryState state, IWatchHistoryCommand command, DateTimeOffset now) =>
        state.Handle(command, now, history);
}
