using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Friends;

namespace MediaPlatform.Actors.Tests.Friends;

/// <summary>The friend and open-request quotas as the friend list decides them (pure state, no actors).</summary>
public sealed class FriendSlotQuotaSpecs
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private const string Me = "u-m";
    private const string Setting = "media-platform.quotas.open-friend-requests";

    private static string Pair(int i) => FriendshipPair.Id(Me, $"u-{i}");

    private static ReserveFriendSlot Reserve(int i, FriendRelation relation, int limit = 2) => new(Me, Pair(i), relation, limit, Setting);

    private static FriendListState Run(FriendListState state, IFriendListCommand command, DateTimeOffset? at = null) =>
        state.Handle(command, at ?? Now) is Decision<IFriendListEvent>.Accepted accepted
            ? accepted.Events.Aggregate(state, (s, e) => s.Apply(e))
            : throw new InvalidOperationException($"{command} was refused");

    private static Rejection Refused(FriendListState state, IFriendListCommand command, DateTimeOffset? at = null) =>
        Assert.IsType<Decision<IFriendListEvent>.Rejected>(state.Handle(command, at ?? Now)).Rejection;

    [Fact]
    public void Open_requests_beyond_the_limit_must_be_refused_429_naming_the_setting_and_its_value()
    {
        var state = Run(Run(FriendListState.Empty(Me), Reserve(1, FriendRelation.OutgoingRequest)), Reserve(2, FriendRelation.OutgoingRequest));
        var refused = Refused(state, Reserve(3, FriendRelation.OutgoingRequest));
        Assert.Equal(RejectionKind.QuotaExceeded, refused.Kind);
        Assert.Contains("2", refused.Message);
        Assert.Contains(Setting, refused.Message);
    }

    [Fact]
    public void Friends_beyond_the_limit_must_be_refused_as_a_quota_naming_the_setting_and_delivered_entries_must_count()
    {
        var state = FriendListState.Empty(Me);
        state = Run(state, new FriendshipChanged(Me, Pair(1), "u-1", FriendRelation.Friends, 1, Now));
        state = Run(state, Reserve(2, FriendRelation.Friends));
        var refused = Refused(state, Reserve(3, FriendRelation.Friends));
        Assert.Equal(RejectionKind.QuotaExceeded, refused.Kind);
        Assert.Contains(Setting, refused.Message);
        // Other relations are counted on their own.
        Run(state, Reserve(3, FriendRelation.OutgoingRequest));
    }

    [Fact]
    public void A_hold_must_end_when_the_pairs_change_arrives_when_released_and_when_it_lapses()
    {
        var full = Run(Run(FriendListState.Empty(Me), Reserve(1, FriendRelation.OutgoingRequest, 1)), Reserve(1, FriendRelation.OutgoingRequest, 1));
        Refused(full, Reserve(2, FriendRelation.OutgoingRequest, 1));

        var released = Run(full, new ReleaseFriendSlot(Me, Pair(1)));
        Run(released, Reserve(2, FriendRelation.OutgoingRequest, 1));

        var declined = Run(full, new FriendshipChanged(Me, Pair(1), "u-1", FriendRelation.None, 2, Now));
        Run(declined, Reserve(2, FriendRelation.OutgoingRequest, 1));

        Run(full, Reserve(2, FriendRelation.OutgoingRequest, 1), Now + FriendListState.HoldFor + TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void Holding_again_for_a_pair_already_counted_must_not_count_it_twice()
    {
        var state = Run(FriendListState.Empty(Me), new FriendshipChanged(Me, Pair(1), "u-1", FriendRelation.OutgoingRequest, 1, Now));
        var decision = Assert.IsType<Decision<IFriendListEvent>.Accepted>(state.Handle(Reserve(1, FriendRelation.OutgoingRequest, 1), Now));
        Assert.Empty(decision.Events);
    }
}
