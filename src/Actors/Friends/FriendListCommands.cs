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

/// <summary>
/// Holds one of <paramref name="UserId"/>'s <paramref name="Relation"/> slots (Friends or OutgoingRequest) for the
/// pair while its Friendship entity decides, refused when the user already has <paramref name="Limit"/> of them
/// (held entries plus live holds). The hold ends when the pair's change is delivered, on
/// <see cref="ReleaseFriendSlot"/>, or after <see cref="FriendListState.HoldFor"/>. <paramref name="Setting"/> names the
/// quota in the refusal.
/// </summary>
[Manifest("friend-list.reserve-slot.v1")]
public sealed record ReserveFriendSlot(string UserId, string PairId, FriendRelation Relation, int Limit, string Setting) : IFriendListCommand;

/// <summary>The pair's Friendship entity refused: the hold taken for it is given back.</summary>
[Manifest("friend-list.release-slot.v1")]
public sealed record ReleaseFriendSlot(string UserId, string PairId) : IFriendListCommand;
