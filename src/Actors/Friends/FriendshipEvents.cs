using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Actors.Friends;

/// <summary>Every event a Friendship entity persists. Each change of status bumps the pair's version by one.</summary>
public interface IFriendshipEvent : IProtocolMessage;

[Manifest("friendship.requested.v1")]
public sealed record FriendRequested(string FromUserId, string ToUserId, DateTimeOffset At) : IFriendshipEvent;

[Manifest("friendship.accepted.v1")]
public sealed record FriendRequestAccepted(string ByUserId, DateTimeOffset At) : IFriendshipEvent;

[Manifest("friendship.declined.v1")]
public sealed record FriendRequestDeclined(string ByUserId, DateTimeOffset At) : IFriendshipEvent;

[Manifest("friendship.cancelled.v1")]
public sealed record FriendRequestCancelled(string ByUserId, DateTimeOffset At) : IFriendshipEvent;

[Manifest("friendship.removed.v1")]
public sealed record FriendshipRemoved(string ByUserId, DateTimeOffset At) : IFriendshipEvent;

/// <summary>The user's friend list acknowledged the change at <paramref name="Version"/>: nothing more to deliver to it.</summary>
[Manifest("friendship.delivered.v1")]
public sealed record FriendshipChangeDelivered(string UserId, long Version, DateTimeOffset At) : IFriendshipEvent;
