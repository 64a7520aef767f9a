using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Serialization;
using MediaPlatform.Actors.Users.Cards;

namespace MediaPlatform.Actors.Users;

/// <summary>Every message the user entity handles; routed by <see cref="UserId"/>.</summary>
public interface IUserCommand : IWithEntityId, IProtocolMessage
{
    string UserId { get; }
    string IWithEntityId.EntityId => UserId;
}

/// <summary>
/// Creates the user. The email must already be reserved for this user id. <paramref name="SignUpFingerprint"/> names
/// the request (email, display name, a keyed hash of the password — never the password): a retry with the same
/// Idempotency-Key must carry the same one to get the first answer.
/// </summary>
[Manifest("user.register.v1")]
public sealed record RegisterUser(string UserId, string Email, string DisplayName, string PasswordHash, string? SignUpFingerprint = null) : IUserCommand;

/// <summary>A read: safe to re-send.</summary>
[Manifest("user.get-profile.v1")]
public sealed record GetUserProfile(string UserId) : IUserCommand, IResendSafe;

/// <summary>For login only: answers with the stored password hash, never sent to a client.</summary>
[Manifest("user.get-credentials.v1")]
public sealed record GetUserCredentials(string UserId) : IUserCommand;

[Manifest("user.update-profile.v1")]
public sealed record UpdateUserProfile(string UserId, string DisplayName) : IUserCommand;

/// <summary>Switches the user's email; the new address must already be reserved for this user id.</summary>
[Manifest("user.change-email.v1")]
public sealed record ChangeUserEmail(string UserId, string NewEmail) : IUserCommand;

/// <summary>Asked by an email reservation that wants to know whether its holder still uses the address.</summary>
[Manifest("user.owns-email.v1")]
public sealed record DoesUserOwnEmail(string UserId, string Email) : IUserCommand;

[Manifest("user.add-card.v1")]
public sealed record AddPaymentCard(string UserId, StoredCard Card, bool MakeDefault) : IUserCommand;

[Manifest("user.remove-card.v1")]
public sealed record RemovePaymentCard(string UserId, string CardId) : IUserCommand;

[Manifest("user.set-default-card.v1")]
public sealed record SetDefaultPaymentCard(string UserId, string CardId) : IUserCommand;

/// <summary>Replaces the password (the caller has checked the current one) and ends every older session.</summary>
[Manifest("user.change-password.v1")]
public sealed record ChangeUserPassword(string UserId, string NewPasswordHash) : IUserCommand;

/// <summary>Ends every session issued so far ("sign out everywhere"): tokens of an older version are refused.</summary>
[Manifest("user.revoke-tokens.v1")]
public sealed record RevokeUserTokens(string UserId) : IUserCommand;

/// <summary>The token version the user's tokens must carry; asked by a node whose replica has no entry for the user.</summary>
[Manifest("user.get-token-version.v1")]
public sealed record GetUserTokenVersion(string UserId) : IUserCommand;

/// <summary>
/// The user's avatar image is complete (sent by the image pipeline, at least once): the profile shows it unless it
/// already shows a later upload. A repeat changes nothing.
/// </summary>
[Manifest("user.record-avatar.v1")]
public sealed record RecordUserAvatar(string UserId, Images.StoredImageRef Image) : IUserCommand;
