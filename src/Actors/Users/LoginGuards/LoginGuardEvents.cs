using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Actors.Users.LoginGuards;

public interface ILoginGuardEvent : IProtocolMessage;

/// <summary>A wrong password; <paramref name="LockedUntil"/> is set when this failure locked the account.</summary>
[Manifest("login-guard.login-failed.v1")]
public sealed record LoginFailureRecorded(string Email, DateTimeOffset At, DateTimeOffset? LockedUntil) : ILoginGuardEvent;

[Manifest("login-guard.cleared.v1")]
public sealed record LoginFailuresCleared(string Email, DateTimeOffset At) : ILoginGuardEvent;
