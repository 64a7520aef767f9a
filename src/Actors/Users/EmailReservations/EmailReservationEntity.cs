using Akka.Actor;
using MediaPlatform.Actors.Entities;

namespace MediaPlatform.Actors.Users.EmailReservations;

/// <summary>
/// One email address, sharded by its normalized form. Rules are in <see cref="EmailReservationState"/>; the actor
/// only adds the one asynchronous step the rules ask for: asking a stale holder whether it still uses the address.
/// </summary>
public sealed class EmailReservationEntity
    : EventSourcedEntity<EmailReservationState, IEmailReservationCommand, IEmailReservationEvent>
{
    /// <summary>Persistence ids are this prefix + the entity id; journal queries (e.g. the scheduler's sweeps) match on it.</summary>
    public const string PersistenceIdPrefix = "email-";

    public const string TypeName = "email-reservation";
    private static readonly TimeSpan HolderCheckTimeout = TimeSpan.FromSeconds(10);
    private readonly IActorRef _users;

    public EmailReservationEntity(string email, IActorRef users, EntitySettings settings, IClock clock)
        : base(PersistenceIdPrefix + email, EmailReservationState.Empty(email), settings, clock)
    {
        _users = users;
        Command<HolderChecked>(OnHolderChecked);
    }

    public static Props PropsFor(string email, IActorRef users, EntitySettings settings, IClock clock) =>
        Props.Create(() => new EmailReservationEntity(email, users, settings, clock));

    protected override Decision<IEmailReservationEvent> Decide(EmailReservationState state, IEmailReservationCommand command, DateTimeOffset now)
    {
        var decision = state.Handle(command, now);
        if (decision is Decision<IEmailReservationEvent>.Accepted { Reply: EmailReservationState.HolderCheckNeeded check })
        {
            var replyTo = Sender;
            _users.Ask<UserOwnsEmailAnswer>(new DoesUserOwnEmail(check.HolderUserId, state.Email), HolderCheckTimeout)
                .PipeTo(Self, success: answer => new HolderChecked(command, check.HolderUserId, answer.Owns, replyTo),
                    failure: _ => new HolderChecked(command, check.HolderUserId, null, replyTo));
            return Entities.Decide.Reply<IEmailReservationEvent>(NoReply.Instance);
        }
        return decision;
    }

    private void OnHolderChecked(HolderChecked result)
    {
        if (result.HolderUsesIt is not { } uses)
        {
            // The holder did not answer: keep the address with it (never hand over an address that may be in use).
            result.ReplyTo.Tell(new Rejection(RejectionKind.Unavailable, $"{State.Email} is held and its holder did not answer; try again"));
            return;
        }
        var decision = result.Command is ReserveEmail claim
            ? State.AfterHolderCheck(claim, result.HolderUserId, uses, Clock.Now)
            : State.AfterSweepCheck(result.HolderUserId, uses, Clock.Now);
        ExecuteFor(result.ReplyTo, decision);
    }

    /// <summary>Local only: the outcome of asking the holder, carrying whom to answer.</summary>
    private sealed record HolderChecked(IEmailReservationCommand Command, string HolderUserId, bool? HolderUsesIt, IActorRef ReplyTo);
}
