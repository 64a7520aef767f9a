namespace MediaPlatform.Actors.Parties;

/// <summary>An open invitation of <paramref name="UserId"/> by <paramref name="ByUserId"/>, good until <paramref name="ExpiresAt"/>.</summary>
public sealed record PartyInvite(string UserId, string ByUserId, DateTimeOffset ExpiresAt);
