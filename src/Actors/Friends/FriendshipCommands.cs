using System.Text.Json.Serialization;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Actors.Friends;

/// <summary>Every message the Friendship entity handles; routed by the pair id of the two users.</summary>
public interface IFriendshipCommand : IWithEntityId, IProtocolMessage
{
    string PairId { get; }
    string IWithEntityId.EntityId => PairId;
}

/// <summary><paramref name="FromUserId"/> asks <paramref name="ToUserId"/>; if the other side already asked, they become friends.</summary>
[Manifest("friendship.request.v1")]
public sealed record RequestFriendship(string FromUserId, string ToUserId) : IFriendshipCommand
{
    [JsonIgnore] public string PairId => FriendshipPair.Id(FromUserId, ToUserId);
}

/// <summary>The recipient <paramref name="UserId"/> accepts the request of <paramref name="FromUserId"/>.</summary>
[Manifest("friendship.accept.v1")]
public sealed record AcceptFriendship(string UserId, string FromUserId) : IFriendshipCommand
{
    [JsonIgnore] public string PairId => FriendshipPair.Id(UserId, FromUserId);
}

/// <summary>The recipient <paramref name="UserId"/> declines the request of <paramref name="FromUserId"/>.</summary>
[Manifest("friendship.decline.v1")]
public sealed record DeclineFriendship(string UserId, string FromUserId) : IFriendshipCommand
{
    [JsonIgnore] public string PairId => FriendshipPair.Id(UserId, FromUserId);
}

/// <summary>
/// <paramref name="UserId"/> wants no relationship with <paramref name="OtherUserId"/>: removes a friendship,
/// cancels their own request, or (as its recipient) declines the other's.
/// </summary>
[Manifest("friendship.end.v1")]
public sealed record EndFriendship(string UserId, string OtherUserId) : IFriendshipCommand
{
    [JsonIgnore] public string PairId => FriendshipPair.Id(UserId, OtherUserId);
}

[Manifest("friendship.get.v1")]
public sealed record GetFriendship(string UserId, string OtherUserId) : IFriendshipCommand
{
    [JsonIgnore] public string PairId => FriendshipPair.Id(UserId, OtherUserId);
}

/// <summary>A friend list's acknowledgement: it holds this pair at <paramref name="Version"/> (or newer).</summary>
[Manifest("friendship.confirm-delivery.v1")]
public sealed record ConfirmFriendshipDelivery(string PairId, string UserId, long Version) : IFriendshipCommand;
