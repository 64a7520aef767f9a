using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Actors.Friends;

/// <summary>Every event a friend list persists.</summary>
public interface IFriendListEvent : IProtocolMessage;

/// <summary>The list now holds the pair at this version (a newer one than it held).</summary>
[Manifest("friend-list.entry-changed.v1")]
public sealed record FriendListEntryChanged(string PairId, string OtherUserId, FriendRelation Relation, long Version,
    DateTimeOffset Since, DateTimeOffset At) : IFriendListEvent;
