using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Users.EmailReservations;

namespace MediaPlatform.Actors.Tests.Users;

public sealed class EmailReservationStateSpecs
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private const string Email = "a@example.com";

    private static EmailReservationState Apply(EmailReservationState s, Decision<IEmailReservationEvent> d) =>
        Assert.IsType<Decision<IEmailReservationEvent>.Accepted>(d).Events.Aggregate(s, (x, e) => x.Apply(e));

    private static EmailReservationState HeldBy(string user, DateTimeOffset at) =>
        Apply(EmailReservationState.Empty(Email), EmailReservationState.Empty(Email).Handle(new ReserveEmail(Email, user), at));

    [Fact]
    public void A_free_address_must_be_reserved_for_the_first_claimant()
    {
        var state = HeldBy("u-1", T0);
        Assert.Equal("u-1", state.HolderUserId);
        Assert.False(state.Confirmed);
    }

    [Fact]
    public void The_holder_claiming_again_must_persist_nothing()
    {
        var d = Assert.IsType<Decision<IEmailReservationEvent>.Accepted>(HeldBy("u-1", T0).Handle(new ReserveEmail(Email, "u-1"), T0.AddSeconds(1)));
        Assert.Empty(d.Events);
    }

    [Fact]
    public void Another_claim_within_the_grace_period_must_be_a_conflict()
    {
        var d = HeldBy("u-1", T0).Handle(new ReserveEmail(Email, "u-2"), T0 + EmailReservationState.Grace - TimeSpan.FromSeconds(1));
        Assert.Equal(RejectionKind.Conflict, Assert.IsType<Decision<IEmailReservationEvent>.Rejected>(d).Rejection.Kind);
    }

    [Fact]
    public void Another_claim_after_the_grace_period_must_ask_the_holder_first()
    {
        var d = Assert.IsType<Decision<IEmailReservationEvent>.Accepted>(HeldBy("u-1", T0).Handle(new ReserveEmail(Email, "u-2"), T0 + EmailReservationState.Grace));
        Assert.Empty(d.Events);
        Assert.Equal("u-1", Assert.IsType<EmailReservationState.HolderCheckNeeded>(d.Reply).HolderUserId);
    }

    [Fact]
    public void A_holder_that_still_uses_the_address_must_keep_it_and_not_be_asked_again_for_a_while()
    {
        var later = T0.AddMinutes(10);
        var state = HeldBy("u-1", T0);
        var decision = state.AfterHolderCheck(new ReserveEmail(Email, "u-2"), "u-1", holderUsesIt: true, later);
        var accepted = Assert.IsType<Decision<IEmailReservationEvent>.Accepted>(decision);
        Assert.Equal(RejectionKind.Conflict, Assert.IsType<Rejection>(accepted.Reply).Kind);
        var verified = Apply(state, decision);
        Assert.Equal("u-1", verified.HolderUserId);
        Assert.IsType<Decision<IEmailReservationEvent>.Rejected>(verified.Handle(new ReserveEmail(Email, "u-3"), later.AddSeconds(30)));
    }

    [Fact]
    public void A_holder_that_does_not_use_the_address_must_lose_it_to_the_claimant()
    {
        var state = HeldBy("u-1", T0);
        var after = Apply(state, state.AfterHolderCheck(new ReserveEmail(Email, "u-2"), "u-1", holderUsesIt: false, T0.AddMinutes(10)));
        Assert.Equal("u-2", after.HolderUserId);
    }

    [Fact]
    public void A_check_answer_for_a_holder_that_changed_meanwhile_must_be_decided_afresh()
    {
        var released = Apply(HeldBy("u-1", T0), HeldBy("u-1", T0).Handle(new ReleaseEmail(Email, "u-1"), T0.AddSeconds(1)));
        var after = Apply(released, released.AfterHolderCheck(new ReserveEmail(Email, "u-2"), "u-1", holderUsesIt: true, T0.AddMinutes(10)));
        Assert.Equal("u-2", after.HolderUserId);
    }

    [Fact]
    public void Confirm_must_mark_the_holders_address_and_refuse_anyone_else()
    {
        var state = HeldBy("u-1", T0);
        Assert.True(Apply(state, state.Handle(new ConfirmEmail(Email, "u-1"), T0)).Confirmed);
        Assert.Equal(RejectionKind.Conflict, Assert.IsType<Decision<IEmailReservationEvent>.Rejected>(state.Handle(new ConfirmEmail(Email, "u-2"), T0)).Rejection.Kind);
    }

    [Fact]
    public void Release_must_free_the_holders_address_and_ignore_anyone_elses()
    {
        var state = HeldBy("u-1", T0);
        Assert.Null(Apply(state, state.Handle(new ReleaseEmail(Email, "u-1"), T0)).HolderUserId);
        Assert.Empty(Assert.IsType<Decision<IEmailReservationEvent>.Accepted>(state.Handle(new ReleaseEmail(Email, "u-2"), T0)).Events);
    }

    [Fact]
    public void Sweep_must_leave_fresh_confirmed_and_free_holds_alone()
    {
        var fresh = HeldBy("u-1", T0);
        Assert.IsType<EmailReservationView>(Assert.IsType<Decision<IEmailReservationEvent>.Accepted>(
            fresh.Handle(new SweepEmailHold(Email), T0 + EmailReservationState.Grace - TimeSpan.FromSeconds(1))).Reply);
        var confirmed = Apply(fresh, fresh.Handle(new ConfirmEmail(Email, "u-1"), T0));
        Assert.Empty(Assert.IsType<Decision<IEmailReservationEvent>.Accepted>(confirmed.Handle(new SweepEmailHold(Email), T0.AddDays(1))).Events);
        Assert.IsType<EmailReservationView>(Assert.IsType<Decision<IEmailReservationEvent>.Accepted>(
            EmailReservationState.Empty(Email).Handle(new SweepEmailHold(Email), T0)).Reply);
    }

    [Fact]
    public void Sweep_of_a_stale_unconfirmed_hold_must_ask_its_holder_and_release_or_confirm_by_the_answer()
    {
        var stale = HeldBy("u-1", T0);
        var later = T0 + EmailReservationState.Grace;
        var check = Assert.IsType<EmailReservationState.HolderCheckNeeded>(
            Assert.IsType<Decision<IEmailReservationEvent>.Accepted>(stale.Handle(new SweepEmailHold(Email), later)).Reply);
        Assert.Equal("u-1", check.HolderUserId);

        var released = Apply(stale, stale.AfterSweepCheck("u-1", holderUsesIt: false, later));
        Assert.Null(released.HolderUserId);
        var confirmed = Apply(stale, stale.AfterSweepCheck("u-1", holderUsesIt: true, later));
        Assert.Equal(("u-1", true), (confirmed.HolderUserId, confirmed.Confirmed));
        Assert.Empty(Assert.IsType<Decision<IEmailReservationEvent>.Accepted>(stale.AfterSweepCheck("u-other", false, later)).Events);
    }
}
