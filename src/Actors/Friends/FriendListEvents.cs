using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Actors.Friends;

/// <summary>Every event a friend list persists.</summary>
public interface IFriendListEvent : IProtocolMessage;

/// <summary>The list now holds the pair at this version (a newer one than it held).</summary>
[Manifest("friend-list.entry-changed.v1")]
public sealed record FriendListEntryChanged(string PairId, string OtherUserId, FriendRelation Relation, long Version,
    DateTimeOffset Since, DateTimeOffset At) : IFriendListEvent;

/// <summary>A slot of this relation is held for the pair until <paramref name="Until"/> (or until its change arrives).</summary>
[Manifest("friend-list.slot-reserved.v1")]
public sealed record FriendSlotReserved(string PairId, FriendRelation Relation, DateTimeOffset Until) : IFriendListEvent;

/// <summary>The hold for the pair was given back.</summary>
[Manifest("friend-list.slot-released.v1")]
public sealed record FriendSlotReleased(string PairId) : IFriendListEvent;
