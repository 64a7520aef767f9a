namespace MediaPlatform.Actors.Friends;

/// <summary>
/// One pair in a user's list at the newest version the list has seen. An entry whose relation went back to None is
/// kept (a tombstone) so that a late, older delivery cannot bring the relationship back.
/// </summary>
public sealed record FriendListEntry(string PairId, string OtherUserId, FriendRelation Relation, long Version, DateTimeOffset Since);
