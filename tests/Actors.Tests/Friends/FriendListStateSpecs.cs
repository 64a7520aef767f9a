using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Friends;

namespace MediaPlatform.Actors.Tests.Friends;

/// <summary>Every friend list command and each of its rejections, on the pure state (no actors).</summary>
public sealed class FriendListStateSpecs
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private const string Me = "u-m", Other = "u-o";
    private static readonly string Pair = FriendshipPair.Id(Me, Other);

    private static FriendshipChanged Change(FriendRelation relation, long version, string other = Other) =>
        new(Me, FriendshipPair.Id(Me, other), other, relation, version, Now.AddMinutes(version));

    private static (FriendListState State, Decision<IFriendListEvent> Decision) Run(FriendListState state, IFriendListCommand command)
    {
        var decision = state.Handle(command, Now);
        if (decision is Decision<IFriendListEvent>.Accepted accepted)
            state = accepted.Events.Aggregate(state, (s, e) => s.Apply(e));
        return (state, decision);
    }

    private static FriendListState After(params IFriendListCommand[] commands) =>
        commands.Aggregate(FriendListState.Empty(Me), (s, c) => Run(s, c).State);

    private static Decision<IFriendListEvent>.Accepted Accepted(FriendListState state, IFriendListCommand command) =>
        Assert.IsType<Decision<IFriendListEvent>.Accepted>(state.Handle(command, Now));

    private static Rejection Rejected(FriendListState state, IFriendListCommand command) =>
        Assert.IsType<Decision<IFriendListEvent>.Rejected>(state.Handle(command, Now)).Rejection;

    [Fact]
    public void A_newer_change_must_be_stored_and_acknowledged()
    {
        var accepted = Accepted(FriendListState.Empty(Me), Change(FriendRelation.IncomingRequest, 1));
        Assert.Equal(new FriendListEntryChanged(Pair, Other, FriendRelation.IncomingRequest, 1, Now.AddMinutes(1), Now), Assert.Single(accepted.Events));
        Assert.Equal(new ConfirmFriendshipDelivery(Pair, Me, 1), accepted.Reply);
        var view = After(Change(FriendRelation.IncomingRequest, 1)).View();
        Assert.Equal(Other, Assert.Single(view.Incoming).OtherUserId);
        Assert.Empty(view.Friends);
        Assert.Empty(view.Outgoing);
    }

    [Fact]
    public void A_redelivered_change_must_persist_nothing_and_be_acknowledged_again()
    {
        var state = After(Change(FriendRelation.OutgoingRequest, 1));
        var accepted = Accepted(state, Change(FriendRelation.OutgoingRequest, 1));
        Assert.Empty(accepted.Events);
        Assert.Equal(new ConfirmFriendshipDelivery(Pair, Me, 1), accepted.Reply);
    }

    [Fact]
    public void An_older_change_arriving_late_must_not_overwrite_a_newer_one()
    {
        var state = After(Change(FriendRelation.Friends, 2), Change(FriendRelation.None, 3));
        var late = Accepted(state, Change(FriendRelation.IncomingRequest, 1));
        Assert.Empty(late.Events);
        Assert.Equal(new ConfirmFriendshipDelivery(Pair, Me, 1), late.Reply);
        Assert.Empty(Run(state, Change(FriendRelation.Friends, 2)).State.View().Friends); // the removal (a tombstone) holds
    }

    [Fact]
    public void The_view_must_sort_each_relation_into_its_list_oldest_first()
    {
        var view = After(
            Change(FriendRelation.Friends, 5, "u-f2"), Change(FriendRelation.Friends, 2, "u-f1"),
            Change(FriendRelation.IncomingRequest, 1, "u-i"), Change(FriendRelation.OutgoingRequest, 1, "u-o2"),
            Change(FriendRelation.None, 3, "u-gone")).View();
        Assert.Equal(["u-f1", "u-f2"], view.Friends.Select(f => f.OtherUserId));
        Assert.Equal("u-i", Assert.Single(view.Incoming).OtherUserId);
        Assert.Equal("u-o2", Assert.Single(view.Outgoing).OtherUserId);
        Assert.Equal(Me, view.UserId);
    }

    [Fact]
    public void A_relationship_moving_on_must_move_between_the_lists()
    {
        var state = After(Change(FriendRelation.IncomingRequest, 1), Change(FriendRelation.Friends, 2));
        Assert.Single(state.View().Friends);
        Assert.Empty(state.View().Incoming);
        Assert.Single(state.Entries);
    }

    [Fact]
    public void A_change_for_a_pair_that_is_not_this_users_must_be_invalid()
    {
        var empty = FriendListState.Empty(Me);
        Assert.Equal(RejectionKind.Invalid, Rejected(empty, Change(FriendRelation.Friends, 1) with { PairId = "u-x~u-y" }).Kind);
        Assert.Equal(RejectionKind.Invalid, Rejected(empty, Change(FriendRelation.Friends, 1) with { UserId = "u-x" }).Kind);
        Assert.Equal(RejectionKind.Invalid, Rejected(empty, new FriendshipChanged(Me, FriendshipPair.Id(Me, Me), Me, FriendRelation.Friends, 1, Now)).Kind);
    }

    [Fact]
    public void A_change_without_a_version_must_be_invalid()
    {
        Assert.Equal(RejectionKind.Invalid, Rejected(FriendListState.Empty(Me), Change(FriendRelation.Friends, 0)).Kind);
    }

    [Fact]
    public void Get_must_answer_the_view_and_persist_nothing()
    {
        var state = After(Change(FriendRelation.Friends, 1));
        var accepted = Accepted(state, new GetFriendList(Me));
        Assert.Empty(accepted.Events);
        Assert.Equal(Other, Assert.Single(Assert.IsType<FriendListView>(accepted.Reply).Friends).OtherUserId);
    }
}
