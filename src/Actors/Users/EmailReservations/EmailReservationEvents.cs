using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Actors.Users.EmailReservations;

public interface IEmailReservationEvent : IProtocolMessage;

[Manifest("email.reserved.v1")]
public sealed record EmailReserved(string Email, string UserId, DateTimeOffset At) : IEmailReservationEvent;

[Manifest("email.confirmed.v1")]
public sealed record EmailConfirmed(string Email, string UserId, DateTimeOffset At) : IEmailReservationEvent;

/// <summary>The holder was asked and still uses the address; it stays held without another check for a while.</summary>
[Manifest("email.holder-verified.v1")]
public sealed record EmailHolderVerified(string Email, string UserId, DateTimeOffset At) : IEmailReservationEvent;

[Manifest("email.released.v1")]
public sealed record EmailReleased(string Email, string UserId, DateTimeOffset At) : IEmailReservationEvent;
