using Akka.Actor;
using MediaPlatform.Actors.Entities;

namespace MediaPlatform.Actors.Users;

/// <summary>One user, sharded by user id. All rules are in <see cref="UserState"/>.</summary>
public sealed class UserEntity(string userId, EntitySettings settings, IClock clock)
    : EventSourcedEntity<UserState, IUserCommand, IUserEvent>(PersistenceIdPrefix + userId, UserState.Empty(userId), settings, clock)
{
    /// <summary>Persistence ids are this prefix + the entity id; journal queries (e.g. the scheduler's sweeps) match on it.</summary>
    public const string PersistenceIdPrefix = "user-";

    public const string TypeName = "user";

    public static Props PropsFor(string userId, EntitySettings settings, IClock clock) =>
        Props.Create(() => new UserEntity(userId, settings, clock));

    protected override Decision<IUserEvent> Decide(UserState state, IUserCommand command, DateTimeOffset now) =>
        state.Handle(command, now);
}
