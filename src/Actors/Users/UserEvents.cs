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
