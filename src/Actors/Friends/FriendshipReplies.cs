using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Actors.Friends;

/// <summary>
/// A pair's relationship as its owner holds it. <paramref name="AwaitingAck"/> names the users whose friend lists
/// have not yet acknowledged version <paramref name="Version"/>.
/// </summary>
[Manifest("friendship.view.v1")]
public sealed record FriendshipView(string PairId, string UserA, string UserB, FriendshipStatus Status, string? RequestedBy,
    long Version, DateTimeOffset? Since, IReadOnlyList<string> AwaitingAck) : IProtocolMessage
{
    public FriendRelation RelationFor(string userId) => FriendRelations.For(userId, Status, RequestedBy);
}
