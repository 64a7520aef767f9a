namespace MediaPlatform.Actors.Parties;

/// <summary>A member of a party and when they joined (the host hand-over goes to the longest-standing member).</summary>
public sealed record PartyMember(string UserId, DateTimeOffset JoinedAt);
