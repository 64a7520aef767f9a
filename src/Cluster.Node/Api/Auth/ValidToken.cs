namespace MediaPlatform.Node.Api.Auth;

/// <summary>A token whose key, signature and expiry hold; whether its version is still current is asked separately.</summary>
public sealed record ValidToken(string UserId, long Version);
