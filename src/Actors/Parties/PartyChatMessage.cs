namespace MediaPlatform.Actors.Parties;

/// <summary>A chat line; <paramref name="Seq"/> is the party version it was posted at, so clients merge lines without duplicates.</summary>
public sealed record PartyChatMessage(long Seq, string UserId, string Text, DateTimeOffset At);
