using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Actors.Friends;

/// <summary>Every message a user's friend list handles; routed by <see cref="UserId"/>.</summary>
public interface IFriendListCommand : IWithEntityId, IProtocolMessage
{
    string UserId { get; }
    string IWithEntityId.EntityId => UserId;
}

/// <summary>
/// Sent (at least once, possibly out of order) by a Friendship entity: the pair's relationship as
/// <paramref name="UserId"/> sees it, at <paramref name="Version"/>. Answered with <see cref="ConfirmFriendshipDelivery"/>
/// once the list holds that version or a newer one.
/// </summary>
[Manifest("friend-list.changed.v1")]
public sealed record FriendshipChanged(string UserId, string PairId, string OtherUserId, FriendRelation Relation, long Version,
    DateTimeOffset Since) : IFriendListCommand;

[Manifest("friend-list.get.v1")]
public sealed record GetFriendList(string UserId) : IFriendListCommand;
