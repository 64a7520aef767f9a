using Akka.Actor;
using MediaPlatform.Actors.Entities;

namespace MediaPlatform.Actors.Users.LoginGuards;

/// <summary>One account's login guard, sharded by normalized email. All rules are in <see cref="LoginGuardState"/>.</summary>
public sealed class LoginGuardEntity(string email, LoginGuardPolicy policy, EntitySettings settings, IClock clock)
    : EventSourcedEntity<LoginGuardState, ILoginGuardCommand, ILoginGuardEvent>(PersistenceIdPrefix + email, LoginGuardState.Empty(email), settings, clock)
{
    /// <summary>Persistence ids are this prefix + the entity id; journal queries (e.g. the scheduler's sweeps) match on it.</summary>
    public const string PersistenceIdPrefix = "login-guard-";

    public const string TypeName = "login-guard";

    public static Props PropsFor(string email, LoginGuardPolicy policy, EntitySettings settings, IClock clock) =>
        Props.Create(() => new LoginGuardEntity(email, policy, settings, clock));

    /// <summary>A counter of wrong passwords: its latest state matters, not every past attempt.</summary>
    protected override bool DeletesEventsBelowSnapshot => true;

    protected override Decision<ILoginGuardEvent> Decide(LoginGuardState state, ILoginGuardCommand command, DateTimeOffset now) =>
        state.Handle(command, now, policy);
}
