using MediaPlatform.Actors.Serialization;
using MediaPlatform.Actors.Users.Cards;

namespace MediaPlatform.Actors.Users;

/// <summary>Every event a user entity persists.</summary>
public interface IUserEvent : IProtocolMessage;

[Manifest("user.registered.v1")]
public sealed record UserRegistered(string UserId, string Email, string DisplayName, string PasswordHash, DateTimeOffset At,
    string? SignUpFingerprint = null) : IUserEvent;

[Manifest("user.profile-updated.v1")]
public sealed record UserProfileUpdated(string DisplayName, DateTimeOffset At) : IUserEvent;

[Manifest("user.email-changed.v1")]
public sealed record UserEmailChanged(string OldEmail, string NewEmail, DateTimeOffset At) : IUserEvent;

/// <summary>Only the token, brand, last four digits and expiry: the card number never reaches the journal.</summary>
[Manifest("user.card-added.v1")]
public sealed record PaymentCardAdded(StoredCard Card, DateTimeOffset At) : IUserEvent;

[Manifest("user.card-removed.v1")]
public sealed record PaymentCardRemoved(string CardId, DateTimeOffset At) : IUserEvent;

[Manifest("user.default-card-set.v1")]
public sealed record DefaultPaymentCardSet(string CardId, DateTimeOffset At) : IUserEvent;

/// <summary>Only the new hash; the clear password never reaches the journal.</summary>
[Manifest("user.password-changed.v1")]
public sealed record UserPasswordChanged(string PasswordHash, DateTimeOffset At) : IUserEvent;

/// <summary>Tokens issued under an older version are refused from now on (credential change or logout).</summary>
[Manifest("user.tokens-revoked.v1")]
public sealed record UserTokensRevoked(long TokenVersion, TokenRevocationReason Reason, DateTimeOffset At) : IUserEvent;

/// <summary>Why a user's older tokens were revoked.</summary>
public enum TokenRevocationReason
{
    Logout,
    PasswordChanged,
    EmailChanged,
}

/// <summary>The profile shows this complete avatar image.</summary>
[Manifest("user.avatar-recorded.v1")]
public sealed record UserAvatarRecorded(Images.StoredImageRef Image, DateTimeOffset At) : IUserEvent;
