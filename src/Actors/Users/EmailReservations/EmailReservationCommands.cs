using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Actors.Users.EmailReservations;

/// <summary>Messages to the reservation entity of one normalized email address.</summary>
public interface IEmailReservationCommand : IWithEntityId, IProtocolMessage
{
    string Email { get; }
    string IWithEntityId.EntityId => Email;
}

/// <summary>Hold the address for this user (a sign-up or an email change in progress). Idempotent per user.</summary>
[Manifest("email.reserve.v1")]
public sealed record ReserveEmail(string Email, string UserId) : IEmailReservationCommand;

/// <summary>The user now uses the address (registered or switched to it).</summary>
[Manifest("email.confirm.v1")]
public sealed record ConfirmEmail(string Email, string UserId) : IEmailReservationCommand;

/// <summary>Give the address up (a failed sign-up, or the old address after an email change).</summary>
[Manifest("email.release.v1")]
public sealed record ReleaseEmail(string Email, string UserId) : IEmailReservationCommand;

/// <summary>
/// Sent by the reservation sweep: an unconfirmed hold older than the grace period is settled by asking its holder —
/// confirmed if the holder uses the address (its sign-up finished but the confirm step was lost), released if not.
/// </summary>
[Manifest("email.sweep.v1")]
public sealed record SweepEmailHold(string Email) : IEmailReservationCommand;

[Manifest("email.get.v1")]
public sealed record GetEmailReservation(string Email) : IEmailReservationCommand;

/// <summary>Answers of the reservation entity.</summary>
[Manifest("email.reservation.v1")]
public sealed record EmailReservationView(string Email, string? HolderUserId, bool Confirmed, DateTimeOffset? HeldSince) : IProtocolMessage;
