using System.Collections.Immutable;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Actors.Friends;

/// <summary>
/// The relationship between two users and every rule about it. Pure: <see cref="Handle"/> decides,
/// <see cref="Apply"/> folds events. One entity owns the pair, so the relationship itself is never half-updated.
///
/// Each change of status also names both users as <see cref="AwaitingAck"/>: their friend lists must be told the
/// new version. Only the latest version matters to a list (a newer one supersedes any older one), so the pending
/// work is at most one delivery per user, and it is part of this state: persisted with the change, in snapshots,
/// recovered after a crash.
/// </summary>
[Manifest("friendship.state.v1")]
public sealed record FriendshipState(
    string PairId,
    string UserA,
    string UserB,
    FriendshipStatus Status,
    string? RequestedBy,
    long Version,
    DateTimeOffset ChangedAt,
    ImmutableList<string> AwaitingAck) : IEntityState<FriendshipState, IFriendshipEvent>, IProtocolMessage
{
    public static FriendshipState Empty(string pairId)
    {
        FriendshipPair.TryParse(pairId, out var a, out var b);
        return new(pairId, a, b, FriendshipStatus.None, null, 0, default, ImmutableList<string>.Empty);
    }

    public Decision<IFriendshipEvent> Handle(IFriendshipCommand command, DateTimeOffset now) => command switch
    {
        ConfirmFriendshipDelivery c => Confirm(c, now),
        RequestFriendship c => Check(c.FromUserId, c.ToUserId) ?? Request(c.FromUserId, c.ToUserId, now),
        AcceptFriendship c => Check(c.UserId, c.FromUserId) ?? Accept(c.UserId, c.FromUserId, now),
        DeclineFriendship c => Check(c.UserId, c.FromUserId) ?? Decline(c.UserId, c.FromUserId, now),
        EndFriendship c => Check(c.UserId, c.OtherUserId) ?? End(c.UserId, now),
        GetFriendship c => Check(c.UserId, c.OtherUserId) ?? Decide.Reply<IFriendshipEvent>(View()),
        _ => Reject(Rejection.Invalid($"unknown friendship command {command.GetType().Name}")),
    };

    public FriendshipState Apply(IFriendshipEvent @event) => @event switch
    {
        FriendRequested e => Changed(FriendshipStatus.Requested, e.FromUserId, e.At),
        FriendRequestAccepted e => Changed(FriendshipStatus.Friends, null, e.At),
        FriendRequestDeclined e => Changed(FriendshipStatus.None, null, e.At),
        FriendRequestCancelled e => Changed(FriendshipStatus.None, null, e.At),
        FriendshipRemoved e => Changed(FriendshipStatus.None, null, e.At),
        FriendshipChangeDelivered e when e.Version >= Version => this with { AwaitingAck = AwaitingAck.Remove(e.UserId) },
        _ => this,
    };

    public FriendshipView View() => new(PairId, UserA, UserB, Status, RequestedBy, Version,
        Status == FriendshipStatus.None ? null : ChangedAt, AwaitingAck);

    /// <summary>What <paramref name="userId"/>'s friend list must be told about the current version.</summary>
    public FriendshipChanged ChangeFor(string userId) =>
        new(userId, PairId, userId == UserA ? UserB : UserA, FriendRelations.For(userId, Status, RequestedBy), Version, ChangedAt);

    private FriendshipState Changed(FriendshipStatus status, string? requestedBy, DateTimeOffset at) => this with
    {
        Status = status, RequestedBy = requestedBy, Version = Version + 1, ChangedAt = at, AwaitingAck = [UserA, UserB],
    };

    /// <summary>The acting user and the other must be this pair's two users.</summary>
    private Decision<IFriendshipEvent>? Check(string userId, string otherUserId)
    {
        if (userId == otherUserId) return Reject(Rejection.Invalid("you cannot befriend yourself"));
        if (string.IsNullOrEmpty(UserA) || FriendshipPair.Id(userId, otherUserId) != PairId)
            return Reject(Rejection.Invalid($"users {userId} and {otherUserId} are not the pair {PairId}"));
        return null;
    }

    private Decision<IFriendshipEvent> Request(string from, string to, DateTimeOffset now) => Status switch
    {
        FriendshipStatus.None => Persist(new FriendRequested(from, to, now)),
        // Asking again is a repeat; asking someone who already asked you is a yes.
        FriendshipStatus.Requested when RequestedBy == from => Same(),
        FriendshipStatus.Requested => Persist(new FriendRequestAccepted(from, now)),
        _ => Same(), // already friends
    };

    private Decision<IFriendshipEvent> Accept(string userId, string from, DateTimeOffset now) => Status switch
    {
        FriendshipStatus.Friends => Same(), // a repeated accept
        FriendshipStatus.Requested when RequestedBy == from => Persist(new FriendRequestAccepted(userId, now)),
        FriendshipStatus.Requested => Reject(Rejection.Forbidden($"only {from} can accept your request")),
        _ => Reject(Rejection.NotFound($"there is no friend request from {from}")),
    };

    private Decision<IFriendshipEvent> Decline(string userId, string from, DateTimeOffset now) => Status switch
    {
        FriendshipStatus.Requested when RequestedBy == from => Persist(new FriendRequestDeclined(userId, now)),
        FriendshipStatus.Requested => Reject(Rejection.Forbidden($"only {from} can decline your request; to withdraw it, delete it")),
        FriendshipStatus.Friends => Reject(Rejection.Conflict($"you and {from} are already friends; remove the friendship instead")),
        _ => Same(), // nothing pending (declined already, or withdrawn): the outcome asked for holds
    };

    private Decision<IFriendshipEvent> End(string userId, DateTimeOffset now) => Status switch
    {
        FriendshipStatus.Friends => Persist(new FriendshipRemoved(userId, now)),
        FriendshipStatus.Requested when RequestedBy == userId => Persist(new FriendRequestCancelled(userId, now)),
        FriendshipStatus.Requested => Persist(new FriendRequestDeclined(userId, now)),
        _ => Same(), // a repeat: there is no relationship to end
    };

    private Decision<IFriendshipEvent> Confirm(ConfirmFriendshipDelivery c, DateTimeOffset now) =>
        c.PairId == PairId && c.Version >= Version && AwaitingAck.Contains(c.UserId)
            ? Decide.Persist(this, new FriendshipChangeDelivered(c.UserId, Version, now), _ => NoReply.Instance)
            : Decide.Reply<IFriendshipEvent>(NoReply.Instance); // an old or repeated acknowledgement

    private Decision<IFriendshipEvent> Persist(IFriendshipEvent e) => Decide.Persist(this, e, s => s.View());

    private Decision<IFriendshipEvent> Same() => Decide.Reply<IFriendshipEvent>(View());

    private static Decision<IFriendshipEvent> Reject(Rejection rejection) => Decide.Reject<IFriendshipEvent>(rejection);
}
