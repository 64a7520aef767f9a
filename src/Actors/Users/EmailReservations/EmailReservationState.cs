using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Actors.Users.EmailReservations;

/// <summary>
/// Who holds one email address. Emails are unique cluster-wide because exactly one entity owns each normalized
/// address and decides every claim on it in order.
///
/// Crash safety without a coordinator: a sign-up is reserve → register user → confirm. A node can die between any two
/// steps, leaving a hold whose holder never registered, or (after an email change) still holds an address it no longer
/// uses. So a hold by someone else is final only while it is fresh (<see cref="Grace"/>, far longer than one sign-up);
/// after that, a competing claim asks the holder's user entity whether it still uses the address, and the address
/// goes to the newcomer only if it does not (<see cref="AfterHolderCheck"/>). No orphan hold outlives a competing
/// claim, and no address in use is ever handed over.
/// </summary>
[Manifest("email.state.v1")]
public sealed record EmailReservationState(string Email, string? HolderUserId, bool Confirmed, DateTimeOffset CheckedAt)
    : IEntityState<EmailReservationState, IEmailReservationEvent>, IProtocolMessage
{
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(2);

    public static EmailReservationState Empty(string email) => new(email, null, false, default);

    /// <summary>The reservation entity must ask the holder before deciding this claim.</summary>
    public sealed record HolderCheckNeeded(string HolderUserId);

    public Decision<IEmailReservationEvent> Handle(IEmailReservationCommand command, DateTimeOffset now) => command switch
    {
        GetEmailReservation => Decide.Reply<IEmailReservationEvent>(View()),
        ReserveEmail c when HolderUserId is null => Decide.Persist(this, new EmailReserved(Email, c.UserId, now), s => s.View()),
        ReserveEmail c when HolderUserId == c.UserId => Decide.Reply<IEmailReservationEvent>(View()),
        ReserveEmail when now - CheckedAt < Grace => Taken(),
        ReserveEmail => Decide.Reply<IEmailReservationEvent>(new HolderCheckNeeded(HolderUserId!)),
        ConfirmEmail c when HolderUserId == c.UserId => Confirmed
            ? Decide.Reply<IEmailReservationEvent>(View())
            : Decide.Persist(this, new EmailConfirmed(Email, c.UserId, now), s => s.View()),
        ConfirmEmail c => Decide.Reject<IEmailReservationEvent>(Rejection.Conflict($"{Email} is not reserved for user {c.UserId}")),
        ReleaseEmail c when HolderUserId == c.UserId => Decide.Persist(this, new EmailReleased(Email, c.UserId, now), s => s.View()),
        ReleaseEmail => Decide.Reply<IEmailReservationEvent>(View()), // not ours (any more): nothing to release
        SweepEmailHold when HolderUserId is null || Confirmed || now - CheckedAt < Grace => Decide.Reply<IEmailReservationEvent>(View()),
        SweepEmailHold => Decide.Reply<IEmailReservationEvent>(new HolderCheckNeeded(HolderUserId!)),
        _ => Decide.Reject<IEmailReservationEvent>(Rejection.Invalid($"unknown reservation command {command.GetType().Name}")),
    };

    /// <summary>Decides a claim once the holder has answered whether it still uses the address.</summary>
    public Decision<IEmailReservationEvent> AfterHolderCheck(ReserveEmail claim, string checkedHolder, bool holderUsesIt, DateTimeOffset now)
    {
        if (HolderUserId != checkedHolder) return Handle(claim, now); // the hold changed meanwhile: decide afresh
        if (holderUsesIt) return Decide.Persist(this, new EmailHolderVerified(Email, checkedHolder, now), _ => Rejection.Conflict($"{Email} is already in use"));
        return Decide.Persist(this,
            [new EmailReleased(Email, checkedHolder, now), new EmailReserved(Email, claim.UserId, now)], s => s.View());
    }

    /// <summary>Settles a stale unconfirmed hold once its holder has answered (see <see cref="SweepEmailHold"/>).</summary>
    public Decision<IEmailReservationEvent> AfterSweepCheck(string checkedHolder, bool holderUsesIt, DateTimeOffset now)
    {
        if (HolderUserId != checkedHolder || Confirmed) return Decide.Reply<IEmailReservationEvent>(View()); // changed meanwhile
        return holderUsesIt
            ? Decide.Persist(this, new EmailConfirmed(Email, checkedHolder, now), s => s.View())
            : Decide.Persist(this, new EmailReleased(Email, checkedHolder, now), s => s.View());
    }

    public EmailReservationState Apply(IEmailReservationEvent @event) => @event switch
    {
        EmailReserved e => this with { HolderUserId = e.UserId, Confirmed = false, CheckedAt = e.At },
        EmailConfirmed e => this with { Confirmed = true, CheckedAt = e.At },
        EmailHolderVerified e => this with { CheckedAt = e.At },
        EmailReleased => this with { HolderUserId = null, Confirmed = false },
        _ => this,
    };

    public EmailReservationView View() =>
        new(Email, HolderUserId, Confirmed, HolderUserId is null ? null : CheckedAt);

    private Decision<IEmailReservationEvent> Taken() =>
        Decide.Reject<IEmailReservationEvent>(Rejection.Conflict($"{Email} is already in use"));
}
