using Akka.Actor;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Users.EmailReservations;

namespace MediaPlatform.Actors.Scheduling.Jobs;

/// <summary>
/// Settles email holds left unconfirmed by sign-ups that failed or crashed part-way: past the grace period each is
/// released (the holder does not use the address) or confirmed (it does). Confirmed holds are not touched.
/// </summary>
public sealed class EmailHoldSweepJob(JobSpec spec, IActorRef reservations, JournalEntityIds ids) : IRecurringJob
{
    public const string JobName = "email-hold-sweep";
    public const string Description = "releases email reservations left unconfirmed by failed sign-ups";
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(15);

    public JobSpec Spec => spec;

    public Task<IReadOnlyList<string>> ListItemsAsync(JobRunContext run, CancellationToken cancellationToken) =>
        ids.ListAsync(EmailReservationEntity.PersistenceIdPrefix, cancellationToken);

    public async Task<JobItemOutcome> RunItemAsync(string email, JobRunContext run, CancellationToken cancellationToken)
    {
        if (await reservations.Ask<object>(new GetEmailReservation(email), AskTimeout, cancellationToken) is not EmailReservationView before)
            return JobItemOutcome.Failed("the reservation did not answer with its state");
        if (before.HolderUserId is null || before.Confirmed) return JobItemOutcome.Done("settled");
        return await reservations.Ask<object>(new SweepEmailHold(email), AskTimeout, cancellationToken) switch
        {
            EmailReservationView { HolderUserId: null } => JobItemOutcome.Done("released"),
            EmailReservationView { Confirmed: true } => JobItemOutcome.Done("confirmed"),
            EmailReservationView => JobItemOutcome.Done("within-grace"),
            Rejection r => JobItemOutcome.Failed(r.Message),
            var other => JobItemOutcome.Failed($"unexpected answer {other.GetType().Name}", retryable: false),
        };
    }
}
