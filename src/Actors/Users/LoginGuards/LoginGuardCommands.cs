using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Actors.Users.LoginGuards;

/// <summary>Messages to the login guard of one normalized email address (an account that exists).</summary>
public interface ILoginGuardCommand : IWithEntityId, IProtocolMessage
{
    string Email { get; }
    string IWithEntityId.EntityId => Email;
}

/// <summary>May a login for this account be tried now? Answers the view; the caller refuses while it is locked.</summary>
[Manifest("login-guard.check.v1")]
public sealed record CheckLoginAllowed(string Email) : ILoginGuardCommand;

/// <summary>A login for this account was tried with a wrong password.</summary>
[Manifest("login-guard.failed.v1")]
public sealed record RecordLoginFailure(string Email) : ILoginGuardCommand;

/// <summary>A login for this account succeeded: the count of failures starts again.</summary>
[Manifest("login-guard.succeeded.v1")]
public sealed record RecordLoginSuccess(string Email) : ILoginGuardCommand;

/// <summary>
/// The guard's answer: consecutive failures and, when locked, until when — by the entity's clock, whose reading
/// (<paramref name="AsOf"/>) comes along so callers measure the lock on the same clock.
/// </summary>
[Manifest("login-guard.view.v1")]
public sealed record LoginGuardView(string Email, int ConsecutiveFailures, DateTimeOffset? LockedUntil, DateTimeOffset AsOf) : IProtocolMessage
{
    /// <summary>How long the account stays locked; null when it is not locked.</summary>
    public TimeSpan? LockRemaining => LockedUntil is { } until && until > AsOf ? until - AsOf : null;
}
