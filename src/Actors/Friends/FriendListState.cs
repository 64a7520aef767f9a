using System.Collections.Immutable;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Actors.Friends;

/// <summary>
/// One user's friends and requests: a view kept up to date by the Friendship entities of the user's pairs. Pure.
/// A change is applied only if its version is newer than the one held for that pair, so redeliveries and
/// reordered deliveries change nothing; every delivery is acknowledged once the list holds that version or newer.
/// </summary>
[Manifest("friend-list.state.v1")]
public sealed record FriendListState(string UserId, ImmutableList<FriendListEntry> Entries)
    : IEntityState<FriendListState, IFriendListEvent>, IProtocolMessage
{
    public static FriendListState Empty(string userId) => new(userId, ImmutableList<FriendListEntry>.Empty);

    public Decision<IFriendListEvent> Handle(IFriendListCommand command, DateTimeOffset now) => command switch
    {
        GetFriendList => Decide.Reply<IFriendListEvent>(View()),
        FriendshipChanged c => Change(c, now),
        _ => Decide.Reject<IFriendListEvent>(Rejection.Invalid($"unknown friend list command {command.GetType().Name}")),
    };

    public FriendListState Apply(IFriendListEvent @event) => @event switch
    {
        FriendListEntryChanged e => this with
        {
            Entries = Entries.RemoveAll(x => x.PairId == e.PairId).Add(new FriendListEntry(e.PairId, e.OtherUserId, e.Relation, e.Version, e.Since)),
        },
        _ => this,
    };

    public FriendListView View() => new(UserId, With(FriendRelation.Friends), With(FriendRelation.IncomingRequest), With(FriendRelation.OutgoingRequest));

    private ImmutableList<FriendListEntry> With(FriendRelation relation) =>
        Entries.Where(e => e.Relation == relation).OrderBy(e => e.Since).ThenBy(e => e.OtherUserId, StringComparer.Ordinal).ToImmutableList();

    private Decision<IFriendListEvent> Change(FriendshipChanged c, DateTimeOffset now)
    {
        if (c.UserId != UserId || c.OtherUserId == UserId || FriendshipPair.Id(UserId, c.OtherUserId) != c.PairId)
            return Decide.Reject<IFriendListEvent>(Rejection.Invalid($"pair {c.PairId} is not {UserId}'s pair with {c.OtherUserId}"));
        if (c.Version < 1) return Decide.Reject<IFriendListEvent>(Rejection.Invalid("a friendship change has a version of at least 1"));

        var ack = new ConfirmFriendshipDelivery(c.PairId, UserId, c.Version);
        var held = Entries.Find(e => e.PairId == c.PairId);
        if (held is not null && held.Version >= c.Version) return Decide.Reply<IFriendListEvent>(ack); // a repeat, or overtaken
        return Decide.Persist(this, new FriendListEntryChanged(c.PairId, c.OtherUserId, c.Relation, c.Version, c.Since, now), _ => ack);
    }
}
