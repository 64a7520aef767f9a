using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Actors.Friends;

/// <summary>A user's friends and pending requests, each list oldest first.</summary>
[Manifest("friend-list.view.v1")]
public sealed record FriendListView(string UserId, IReadOnlyList<FriendListEntry> Friends, IReadOnlyList<FriendListEntry> Incoming,
    IReadOnlyList<FriendListEntry> Outgoing) : IProtocolMessage;
