namespace MediaPlatform.Testing.Api;

/// <summary>A user signed up and logged in over HTTP: who they are, how they log in again, and their bearer token.</summary>
public sealed record SignedInUser(string UserId, string Email, string Password, string Token);
