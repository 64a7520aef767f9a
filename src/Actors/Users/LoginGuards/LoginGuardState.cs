using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Actors.Users.LoginGuards;

/// <summary>
/// Consecutive failed logins of one account and its lock. One entity per normalized email, sharded, so every node of
/// the cluster sees the same count and the same lock. While locked, attempts are refused without looking at the
/// password and are not counted (counting them would let anyone extend a lock forever at no cost).
/// </summary>
[Manifest("login-guard.state.v1")]
public sealed record LoginGuardState(string Email, int ConsecutiveFailures, DateTimeOffset? LockedUntil)
    : IEntityState<LoginGuardState, ILoginGuardEvent>, IProtocolMessage
{
    public static LoginGuardState Empty(string email) => new(email, 0, null);

    public Decision<ILoginGuardEvent> Handle(ILoginGuardCommand command, DateTimeOffset now, LoginGuardPolicy policy) => command switch
    {
        CheckLoginAllowed => Decide.Reply<ILoginGuardEvent>(View(now)),
        RecordLoginFailure when LockedUntil > now => Decide.Reply<ILoginGuardEvent>(View(now)),
        RecordLoginFailure => Failure(now, policy),
        RecordLoginSuccess when ConsecutiveFailures == 0 && LockedUntil is null => Decide.Reply<ILoginGuardEvent>(View(now)),
        RecordLoginSuccess when LockedUntil > now => Decide.Reply<ILoginGuardEvent>(View(now)), // a race with a lock: the lock stands
        RecordLoginSuccess => Decide.Persist(this, new LoginFailuresCleared(Email, now), s => s.View(now)),
        _ => Decide.Reject<ILoginGuardEvent>(Rejection.Invalid($"unknown login guard command {command.GetType().Name}")),
    };

    public LoginGuardState Apply(ILoginGuardEvent @event) => @event switch
    {
        LoginFailureRecorded e => this with { ConsecutiveFailures = ConsecutiveFailures + 1, LockedUntil = e.LockedUntil ?? LockedUntil },
        LoginFailuresCleared => this with { ConsecutiveFailures = 0, LockedUntil = null },
        _ => this,
    };

    public LoginGuardView View(DateTimeOffset now) => new(Email, ConsecutiveFailures, LockedUntil, now);

    private Decision<ILoginGuardEvent> Failure(DateTimeOffset now, LoginGuardPolicy policy)
    {
        var lockFor = policy.LockFor(ConsecutiveFailures + 1);
        DateTimeOffset? lockedUntil = lockFor > TimeSpan.Zero ? now + lockFor : null;
        return Decide.Persist(this, new LoginFailureRecorded(Email, now, lockedUntil), s => s.View(now));
    }
}
