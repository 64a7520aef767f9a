using MediaPlatform.Actors.Serialization;
using MediaPlatform.Actors.Users.Cards;

namespace MediaPlatform.Actors.Users;

[Manifest("user.profile.v1")]
public sealed record UserProfile(string UserId, string Email, string DisplayName, DateTimeOffset RegisteredAt,
    IReadOnlyList<StoredCard> Cards, string? DefaultCardId, Images.StoredImageRef? Avatar = null) : IProtocolMessage;

[Manifest("user.credentials.v1")]
public sealed record UserCredentials(string UserId, string Email, string PasswordHash, long TokenVersion = 0) : IProtocolMessage;

/// <summary>The version a user's valid tokens carry; older ones were revoked.</summary>
[Manifest("user.token-version.v1")]
public sealed record UserTokenVersion(string UserId, long Version) : IProtocolMessage;

[Manifest("user.owns-email-answer.v1")]
public sealed record UserOwnsEmailAnswer(string UserId, string Email, bool Owns) : IProtocolMessage;
