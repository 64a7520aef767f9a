using System.Collections.Immutable;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Actors.Friends;

/// <summary>
/// One user's friends and requests: a view kept up to date by the Friendship entities of the user's pairs. Pure.
/// A change is applied only if its version is newer than the one held for that pair, so redeliveries and
/// reordered deliveries change nothing; every delivery is acknowledged once the list holds that version or newer.
/// The list is also where the user's friend and open-request quotas are decided: a slot is held here before the
/// pair's entity decides (<see cref="ReserveFriendSlot"/>), so concurrent requests cannot overshoot the limit.
/// </summary>
[Manifest("friend-list.state.v1")]
public sealed record FriendListState(string UserId, ImmutableList<FriendListEntry> Entries, ImmutableList<FriendSlotHold>? Holds = null)
    : IEntityState<FriendListState, IFriendListEvent>, IProtocolMessage
{
    /// <summary>How long a hold lasts when neither the pair's change nor a release arrives (e.g. the asking node died).</summary>
    public static readonly TimeSpan HoldFor = TimeSpan.FromSeconds(30);

    public static FriendListState Empty(string userId) => new(userId, ImmutableList<FriendListEntry>.Empty);

    private ImmutableList<FriendSlotHold> HeldSlots => Holds ?? ImmutableList<FriendSlotHold>.Empty;

    public Decision<IFriendListEvent> Handle(IFriendListCommand command, DateTimeOffset now) => command switch
    {
        GetFriendList => Decide.Reply<IFriendListEvent>(View()),
        FriendshipChanged c => Change(c, now),
        ReserveFriendSlot c => Reserve(c, now),
        ReleaseFriendSlot c => HeldSlots.Any(h => h.PairId == c.PairId)
            ? Decide.Persist(this, new FriendSlotReleased(c.PairId), s => s.View())
            : Decide.Reply<IFriendListEvent>(View()),
        _ => Decide.Reject<IFriendListEvent>(Rejection.Invalid($"unknown friend list command {command.GetType().Name}")),
    };

    public FriendListState Apply(IFriendListEvent @event) => @event switch
    {
        FriendListEntryChanged e => this with
        {
            Entries = Entries.RemoveAll(x => x.PairId == e.PairId).Add(new FriendListEntry(e.PairId, e.OtherUserId, e.Relation, e.Version, e.Since)),
            // The pair's change arrived: it is counted as an entry now, no longer as a hold.
            Holds = HeldSlots.RemoveAll(h => h.PairId == e.PairId),
        },
        FriendSlotReserved e => this with { Holds = HeldSlots.RemoveAll(h => h.PairId == e.PairId).Add(new FriendSlotHold(e.PairId, e.Relation, e.Until)) },
        FriendSlotReleased e => this with { Holds = HeldSlots.RemoveAll(h => h.PairId == e.PairId) },
        _ => this,
    };

    public FriendListView View() => new(UserId, With(FriendRelation.Friends), With(FriendRelation.IncomingRequest), With(FriendRelation.OutgoingRequest));

    private ImmutableList<FriendListEntry> With(FriendRelation relation) =>
        Entries.Where(e => e.Relation == relation).OrderBy(e => e.Since).ThenBy(e => e.OtherUserId, StringComparer.Ordinal).ToImmutableList();

    /// <summary>Entries and live holds of this relation, other than the pair's own.</summary>
    public int Holding(FriendRelation relation, string exceptPairId, DateTimeOffset now) =>
        Entries.Count(e => e.Relation == relation && e.PairId != exceptPairId)
        + HeldSlots.Count(h => h.Relation == relation && h.PairId != exceptPairId && h.Until > now);

    private Decision<IFriendListEvent> Reserve(ReserveFriendSlot c, DateTimeOffset now)
    {
        if (c.Relation is not (FriendRelation.Friends or FriendRelation.OutgoingRequest))
            return Decide.Reject<IFriendListEvent>(Rejection.Invalid("only friend and outgoing-request slots are held"));
        if (c.Limit < 1) return Decide.Reject<IFriendListEvent>(Rejection.Invalid("a slot limit is at least 1"));
        if (Entries.Any(e => e.PairId == c.PairId && e.Relation == c.Relation)) return Decide.Reply<IFriendListEvent>(View()); // already counted
        if (Holding(c.Relation, c.PairId, now) >= c.Limit)
            return Decide.Reject<IFriendListEvent>(c.Relation == FriendRelation.Friends
                ? Rejection.QuotaExceeded($"user {UserId} already has the most friends allowed: {c.Limit} ({c.Setting}); remove a friend first")
                : Rejection.QuotaExceeded($"user {UserId} already has the most open friend requests allowed: {c.Limit} ({c.Setting}); wait for answers or cancel some"));
        return Decide.Persist(this, new FriendSlotReserved(c.PairId, c.Relation, now + HoldFor), s => s.View());
    }

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
