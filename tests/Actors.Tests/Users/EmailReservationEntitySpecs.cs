using Akka.Actor;
using Akka.TestKit;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Tests.Support;
using MediaPlatform.Actors.Users;
using MediaPlatform.Actors.Users.EmailReservations;

namespace MediaPlatform.Actors.Tests.Users;

/// <summary>The reservation entity with a probe standing in for the user region it asks about stale holds.</summary>
public sealed class EmailReservationEntitySpecs() : Akka.TestKit.Xunit2.TestKit(EntitySpecConfig.Create())
{
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero));

    private IActorRef Start(string email, IActorRef users) =>
        Sys.ActorOf(EmailReservationEntity.PropsFor(email, users, EntitySettings.From(Sys), _clock));

    [Fact]
    public async Task A_stale_hold_whose_holder_never_registered_must_go_to_the_next_claimant()
    {
        var users = CreateTestProbe();
        var entity = Start("stale@example.com", users);
        await entity.Ask<EmailReservationView>(new ReserveEmail("stale@example.com", "u-crashed"), TimeSpan.FromSeconds(5));
        _clock.Advance(EmailReservationState.Grace + TimeSpan.FromSeconds(1));

        var claim = entity.Ask<object>(new ReserveEmail("stale@example.com", "u-next"), TimeSpan.FromSeconds(5));
        var question = users.ExpectMsg<DoesUserOwnEmail>();
        Assert.Equal("u-crashed", question.UserId);
        users.Reply(new UserOwnsEmailAnswer("u-crashed", "stale@example.com", false));

        Assert.Equal("u-next", Assert.IsType<EmailReservationView>(await claim).HolderUserId);
    }

    [Fact]
    public async Task A_stale_hold_whose_holder_uses_the_address_must_stay_and_survive_a_restart()
    {
        var users = CreateTestProbe();
        var entity = Start("kept@example.com", users);
        await entity.Ask<EmailReservationView>(new ReserveEmail("kept@example.com", "u-owner"), TimeSpan.FromSeconds(5));
        await entity.Ask<EmailReservationView>(new ConfirmEmail("kept@example.com", "u-owner"), TimeSpan.FromSeconds(5));
        _clock.Advance(TimeSpan.FromHours(1));

        var claim = entity.Ask<object>(new ReserveEmail("kept@example.com", "u-thief"), TimeSpan.FromSeconds(5));
        users.ExpectMsg<DoesUserOwnEmail>();
        users.Reply(new UserOwnsEmailAnswer("u-owner", "kept@example.com", true));
        Assert.Equal(RejectionKind.Conflict, Assert.IsType<Rejection>(await claim).Kind);

        Watch(entity);
        entity.Tell(PoisonPill.Instance);
        ExpectTerminated(entity);
        var view = await Start("kept@example.com", users).Ask<EmailReservationView>(new GetEmailReservation("kept@example.com"), TimeSpan.FromSeconds(5));
        Assert.Equal("u-owner", view.HolderUserId);
        Assert.True(view.Confirmed);
    }

    [Fact]
    public async Task A_holder_that_does_not_answer_must_keep_the_address()
    {
        var users = CreateTestProbe();
        var entity = Start("silent@example.com", users);
        await entity.Ask<EmailReservationView>(new ReserveEmail("silent@example.com", "u-silent"), TimeSpan.FromSeconds(5));
        _clock.Advance(TimeSpan.FromHours(1));

        var claim = await entity.Ask<object>(new ReserveEmail("silent@example.com", "u-other"), TimeSpan.FromSeconds(20));
        Assert.Equal(RejectionKind.Unavailable, Assert.IsType<Rejection>(claim).Kind);
        var view = await entity.Ask<EmailReservationView>(new GetEmailReservation("silent@example.com"), TimeSpan.FromSeconds(5));
        Assert.Equal("u-silent", view.HolderUserId);
    }
}
