namespace MediaPlatform.Node.Api.Auth;

/// <summary>What the token-version check found for a validly signed user token.</summary>
public enum TokenStanding
{
    /// <summary>The token carries the user's current version.</summary>
    Current,
    /// <summary>The user raised their version since (logout, password or email change), or the user does not exist.</summary>
    Revoked,
    /// <summary>The user's entity could not be asked just now (its node died and the shard has not moved yet): retry.</summary>
    Unconfirmed,
}
