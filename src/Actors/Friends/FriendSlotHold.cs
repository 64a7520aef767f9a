namespace MediaPlatform.Actors.Friends;

/// <summary>A friend or outgoing-request slot held for a pair while its Friendship entity decides.</summary>
public sealed record FriendSlotHold(string PairId, FriendRelation Relation, DateTimeOffset Until);
