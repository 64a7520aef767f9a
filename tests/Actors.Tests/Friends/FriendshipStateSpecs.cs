using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Friends;

namespace MediaPlatform.Actors.Tests.Friends;

/// <summary>Every Friendship command and each of its rejections, on the pure state (no actors).</summary>
public sealed class FriendshipStateSpecs
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private const string A = "u-a", B = "u-b";
    private static readonly string Pair = FriendshipPair.Id(A, B);

    private static FriendshipState Empty() => FriendshipState.Empty(Pair);

    /// <summary>Handles a command and applies its events, as the entity does.</summary>
    private static (FriendshipState State, Decision<IFriendshipEvent> Decision) Run(FriendshipState state, IFriendshipCommand command)
    {
        var decision = state.Handle(command, Now);
        if (decision is Decision<IFriendshipEvent>.Accepted accepted)
            state = accepted.Events.Aggregate(state, (s, e) => s.Apply(e));
        return (state, decision);
    }

    private static FriendshipState After(params IFriendshipCommand[] commands) =>
        commands.Aggregate(Empty(), (s, c) => Run(s, c).State);

    private static IReadOnlyList<IFriendshipEvent> Events(FriendshipState state, IFriendshipCommand command) =>
        Assert.IsType<Decision<IFriendshipEvent>.Accepted>(state.Handle(command, Now)).Events;

    private static FriendshipView Reply(FriendshipState state, IFriendshipCommand command) =>
        Assert.IsType<FriendshipView>(Assert.IsType<Decision<IFriendshipEvent>.Accepted>(state.Handle(command, Now)).Reply);

    private static Rejection Rejected(FriendshipState state, IFriendshipCommand command) =>
        Assert.IsType<Decision<IFriendshipEvent>.Rejected>(state.Handle(command, Now)).Rejection;

    private static FriendshipState Delivered(FriendshipState s) =>
        After(s, new ConfirmFriendshipDelivery(Pair, A, s.Version), new ConfirmFriendshipDelivery(Pair, B, s.Version));

    private static FriendshipState After(FriendshipState s, params IFriendshipCommand[] commands) => commands.Aggregate(s, (x, c) => Run(x, c).State);

    [Fact]
    public void The_pair_id_must_be_the_same_whoever_asks_and_parse_back()
    {
        Assert.Equal("u-a~u-b", FriendshipPair.Id(B, A));
        Assert.Equal(FriendshipPair.Id(A, B), FriendshipPair.Id(B, A));
        Assert.True(FriendshipPair.TryParse("u-a~u-b", out var a, out var b));
        Assert.Equal((A, B), (a, b));
        Assert.False(FriendshipPair.TryParse("u-b~u-a", out _, out _)); // not sorted: no entity has this id
        Assert.False(FriendshipPair.TryParse("u-a", out _, out _));
        Assert.False(FriendshipPair.TryParse("u-a~u-b~u-c", out _, out _));
    }

    [Fact]
    public void A_request_must_record_who_asked_and_await_both_lists()
    {
        var (state, decision) = Run(Empty(), new RequestFriendship(A, B));
        Assert.Equal(new FriendRequested(A, B, Now), Assert.Single(Assert.IsType<Decision<IFriendshipEvent>.Accepted>(decision).Events));
        Assert.Equal(FriendshipStatus.Requested, state.Status);
        Assert.Equal(A, state.RequestedBy);
        Assert.Equal(1, state.Version);
        Assert.Equal([A, B], state.AwaitingAck);
        Assert.Equal(FriendRelation.OutgoingRequest, state.ChangeFor(A).Relation);
        Assert.Equal(new FriendshipChanged(B, Pair, A, FriendRelation.IncomingRequest, 1, Now), state.ChangeFor(B));
        Assert.Equal(FriendRelation.OutgoingRequest, Reply(Empty(), new RequestFriendship(A, B)).RelationFor(A));
    }

    [Fact]
    public void Repeating_a_request_must_persist_nothing()
    {
        Assert.Empty(Events(After(new RequestFriendship(A, B)), new RequestFriendship(A, B)));
    }

    [Fact]
    public void A_request_to_someone_who_already_asked_must_count_as_accepting()
    {
        var (state, decision) = Run(After(new RequestFriendship(A, B)), new RequestFriendship(B, A));
        Assert.IsType<FriendRequestAccepted>(Assert.Single(Assert.IsType<Decision<IFriendshipEvent>.Accepted>(decision).Events));
        Assert.Equal(FriendshipStatus.Friends, state.Status);
        Assert.Equal(2, state.Version);
    }

    [Fact]
    public void A_request_between_friends_must_persist_nothing_and_answer_friends()
    {
        var friends = After(new RequestFriendship(A, B), new AcceptFriendship(B, A));
        Assert.Empty(Events(friends, new RequestFriendship(A, B)));
        Assert.Equal(FriendshipStatus.Friends, Reply(friends, new RequestFriendship(B, A)).Status);
    }

    [Fact]
    public void Befriending_yourself_must_be_invalid()
    {
        var self = FriendshipState.Empty(FriendshipPair.Id(A, A));
        Assert.Equal(RejectionKind.Invalid, Rejected(self, new RequestFriendship(A, A)).Kind);
        Assert.Contains("yourself", Rejected(self, new AcceptFriendship(A, A)).Message);
    }

    [Fact]
    public void A_command_for_another_pair_must_be_invalid()
    {
        Assert.Equal(RejectionKind.Invalid, Rejected(Empty(), new RequestFriendship(A, "u-c")).Kind);
        Assert.Equal(RejectionKind.Invalid, Rejected(FriendshipState.Empty("not-a-pair"), new GetFriendship(A, B)).Kind);
    }

    [Fact]
    public void The_recipient_accepting_must_make_them_friends()
    {
        var (state, decision) = Run(After(new RequestFriendship(A, B)), new AcceptFriendship(B, A));
        Assert.Equal(new FriendRequestAccepted(B, Now), Assert.Single(Assert.IsType<Decision<IFriendshipEvent>.Accepted>(decision).Events));
        Assert.Equal(FriendshipStatus.Friends, state.Status);
        Assert.Null(state.RequestedBy);
        Assert.Equal(FriendRelation.Friends, state.ChangeFor(A).Relation);
        Assert.Equal(FriendRelation.Friends, state.ChangeFor(B).Relation);
    }

    [Fact]
    public void Accepting_again_must_persist_nothing()
    {
        Assert.Empty(Events(After(new RequestFriendship(A, B), new AcceptFriendship(B, A)), new AcceptFriendship(B, A)));
    }

    [Fact]
    public void The_requester_accepting_their_own_request_must_be_forbidden()
    {
        Assert.Equal(RejectionKind.Forbidden, Rejected(After(new RequestFriendship(A, B)), new AcceptFriendship(A, B)).Kind);
    }

    [Fact]
    public void Accepting_when_nothing_was_requested_must_be_not_found()
    {
        Assert.Equal(RejectionKind.NotFound, Rejected(Empty(), new AcceptFriendship(B, A)).Kind);
        var declined = After(new RequestFriendship(A, B), new DeclineFriendship(B, A));
        Assert.Equal(RejectionKind.NotFound, Rejected(declined, new AcceptFriendship(B, A)).Kind);
    }

    [Fact]
    public void The_recipient_declining_must_end_the_request()
    {
        var (state, decision) = Run(After(new RequestFriendship(A, B)), new DeclineFriendship(B, A));
        Assert.Equal(new FriendRequestDeclined(B, Now), Assert.Single(Assert.IsType<Decision<IFriendshipEvent>.Accepted>(decision).Events));
        Assert.Equal(FriendshipStatus.None, state.Status);
        Assert.Equal(2, state.Version);
        Assert.Equal(FriendRelation.None, state.ChangeFor(A).Relation);
    }

    [Fact]
    public void Declining_again_or_with_nothing_pending_must_persist_nothing()
    {
        Assert.Empty(Events(After(new RequestFriendship(A, B), new DeclineFriendship(B, A)), new DeclineFriendship(B, A)));
        Assert.Equal(FriendshipStatus.None, Reply(Empty(), new DeclineFriendship(B, A)).Status);
    }

    [Fact]
    public void The_requester_declining_their_own_request_must_be_forbidden()
    {
        Assert.Equal(RejectionKind.Forbidden, Rejected(After(new RequestFriendship(A, B)), new DeclineFriendship(A, B)).Kind);
    }

    [Fact]
    public void Declining_a_friend_must_be_a_conflict()
    {
        var friends = After(new RequestFriendship(A, B), new AcceptFriendship(B, A));
        Assert.Equal(RejectionKind.Conflict, Rejected(friends, new DeclineFriendship(B, A)).Kind);
    }

    [Fact]
    public void Either_friend_ending_the_friendship_must_remove_it()
    {
        var friends = After(new RequestFriendship(A, B), new AcceptFriendship(B, A));
        foreach (var who in new[] { A, B })
        {
            var (state, decision) = Run(friends, new EndFriendship(who, who == A ? B : A));
            Assert.Equal(new FriendshipRemoved(who, Now), Assert.Single(Assert.IsType<Decision<IFriendshipEvent>.Accepted>(decision).Events));
            Assert.Equal(FriendshipStatus.None, state.Status);
            Assert.Null(state.View().Since);
        }
    }

    [Fact]
    public void The_requester_ending_a_pending_request_must_cancel_it_and_the_recipient_must_decline_it()
    {
        var requested = After(new RequestFriendship(A, B));
        Assert.Equal(new FriendRequestCancelled(A, Now), Assert.Single(Events(requested, new EndFriendship(A, B))));
        Assert.Equal(new FriendRequestDeclined(B, Now), Assert.Single(Events(requested, new EndFriendship(B, A))));
    }

    [Fact]
    public void Ending_when_there_is_nothing_must_persist_nothing()
    {
        Assert.Empty(Events(Empty(), new EndFriendship(A, B)));
        Assert.Empty(Events(After(new RequestFriendship(A, B), new EndFriendship(A, B)), new EndFriendship(A, B)));
    }

    [Fact]
    public void After_a_removal_a_new_request_must_start_again_with_a_newer_version()
    {
        var state = After(new RequestFriendship(A, B), new AcceptFriendship(B, A), new EndFriendship(A, B), new RequestFriendship(B, A));
        Assert.Equal(FriendshipStatus.Requested, state.Status);
        Assert.Equal(B, state.RequestedBy);
        Assert.Equal(4, state.Version);
    }

    [Fact]
    public void Get_must_answer_the_view_and_persist_nothing()
    {
        var state = After(new RequestFriendship(A, B));
        var view = Reply(state, new GetFriendship(B, A));
        Assert.Equal((Pair, A, B, FriendshipStatus.Requested, A, 1L, (DateTimeOffset?)Now),
            (view.PairId, view.UserA, view.UserB, view.Status, view.RequestedBy, view.Version, view.Since));
        Assert.Equal([A, B], view.AwaitingAck);
        Assert.Equal(FriendRelation.IncomingRequest, view.RelationFor(B));
        Assert.Empty(Events(state, new GetFriendship(A, B)));
    }

    [Fact]
    public void An_acknowledgement_of_the_current_version_must_stop_deliveries_to_that_user()
    {
        var requested = After(new RequestFriendship(A, B));
        var (state, decision) = Run(requested, new ConfirmFriendshipDelivery(Pair, B, 1));
        var accepted = Assert.IsType<Decision<IFriendshipEvent>.Accepted>(decision);
        Assert.Equal(new FriendshipChangeDelivered(B, 1, Now), Assert.Single(accepted.Events));
        Assert.IsType<NoReply>(accepted.Reply);
        Assert.Equal([A], state.AwaitingAck);
        Assert.Empty(Delivered(requested).AwaitingAck);
    }

    [Fact]
    public void Old_or_repeated_acknowledgements_must_persist_nothing()
    {
        var accepted = Delivered(After(new RequestFriendship(A, B))).Apply(new FriendRequestAccepted(B, Now)); // version 2 awaited
        Assert.Empty(Events(accepted, new ConfirmFriendshipDelivery(Pair, A, 1)));
        Assert.Equal([A, B], accepted.AwaitingAck);
        var confirmed = After(accepted, new ConfirmFriendshipDelivery(Pair, A, 2));
        Assert.Empty(Events(confirmed, new ConfirmFriendshipDelivery(Pair, A, 2)));
        Assert.Empty(Events(confirmed, new ConfirmFriendshipDelivery(Pair, "u-stranger", 2)));
    }

    [Fact]
    public void A_newer_change_must_await_both_lists_again_even_if_one_had_acknowledged()
    {
        var state = After(new RequestFriendship(A, B), new ConfirmFriendshipDelivery(Pair, A, 1), new AcceptFriendship(B, A));
        Assert.Equal([A, B], state.AwaitingAck);
        Assert.Equal(2, state.ChangeFor(A).Version);
    }

    [Fact]
    public void An_acknowledgement_recorded_for_an_older_version_must_not_clear_a_newer_one_on_replay()
    {
        var state = After(new RequestFriendship(A, B), new AcceptFriendship(B, A));
        Assert.Equal([A, B], state.Apply(new FriendshipChangeDelivered(A, 1, Now)).AwaitingAck);
    }
}
