using Akka.Actor;
using MediaPlatform.Actors.Entities;

namespace MediaPlatform.Actors.Friends;

/// <summary>
/// One user's friend list, sharded by user id. All rules are in <see cref="FriendListState"/>; the acknowledgement
/// a Friendship entity waits for is this entity's reply, so it is sent only after the change is persisted.
/// </summary>
public sealed class FriendListEntity(string userId, EntitySettings settings, IClock clock)
    : EventSourcedEntity<FriendListState, IFriendListCommand, IFriendListEvent>(PersistenceIdPrefix + userId, FriendListState.Empty(userId), settings, clock)
{
    /// <summary>Persistence ids are this prefix + the entity id; journal queries (e.g. the scheduler's sweeps) match on it.</summary>
    public const string PersistenceIdPrefix = "friend-list-";

    public const string TypeName = "friend-list";

    public static Props PropsFor(string userId, EntitySettings settings, IClock clock) =>
        Props.Create(() => new FriendListEntity(userId, settings, clock));

    protected override Decision<IFriendListEvent> Decide(FriendListState state, IFriendListCommand command, DateTimeOffset now) =>
        state.Handle(command, now);
}
