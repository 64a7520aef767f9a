namespace MediaPlatform.Actors.Parties;

/// <summary>One open real-time connection of a member (a browser tab); a member with any is online.</summary>
public sealed record PartyConnection(string UserId, string ConnectionId);
