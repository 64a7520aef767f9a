using Akka.Actor;
using MediaPlatform.Actors.Billing;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Observability;

namespace MediaPlatform.Actors.Scheduling.Jobs;

/// <summary>
/// The billing cycle: for every billing account in the journal, renew what has reached its period end (one invoice
/// per elapsed period, decided by the account) and collect the oldest unpaid renewal under the dunning policy.
/// Both steps are decided by the account from its own state, so a repeat — after a crash, a failover or in the next
/// run — never invoices or charges twice and an account missed by one run is caught by the next.
/// </summary>
public sealed class BillingCycleJob(JobSpec spec, IActorRef billingAccounts, JournalEntityIds ids, DunningPolicy dunning) : IRecurringJob
{
    public const string JobName = "billing-cycle";
    public const string Description = "renews subscriptions whose period ended and charges their invoices; declines are retried per the dunning policy";

    /// <summary>Steps one item may take: each collection either ends the item or follows a charge or a decline.</summary>
    private const int MaxCollectionSteps = BillingAccountState.MaxPeriodsPerAdvance * 2 + 2;

    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(10);

    public JobSpec Spec => spec;

    public Task<IReadOnlyList<string>> ListItemsAsync(JobRunContext run, CancellationToken cancellationToken) =>
        ids.ListAsync(BillingAccountEntity.PersistenceIdPrefix, cancellationToken);

    public async Task<JobItemOutcome> RunItemAsync(string accountId, JobRunContext run, CancellationToken cancellationToken)
    {
        switch (await billingAccounts.Ask<object>(new AdvanceBillingPeriod(accountId), AskTimeout, cancellationToken))
        {
            case Rejection { Kind: RejectionKind.NotFound }: return JobItemOutcome.Done("not-open");
            case Rejection rejection: return JobItemOutcome.Failed($"renewal: {rejection.Message}");
        }

        var (charged, declined) = (false, false);
        for (var step = 0; step < MaxCollectionSteps; step++)
        {
            var answer = await billingAccounts.Ask<object>(new CollectRenewalPayment(accountId, dunning), AskTimeout, cancellationToken);
            BillingMetrics.RenewalCollected(answer);
            switch (answer)
            {
                case PaymentReceipt:
                    charged = true;
                    continue;
                case Rejection { Kind: RejectionKind.PaymentFailed }:
                case RenewalCollection { Outcome: CollectionOutcome.Declined }:
                    declined = true;
                    continue;
                case RenewalCollection { Outcome: CollectionOutcome.Suspended } when declined || charged:
                    return JobItemOutcome.Done("suspended");
                case RenewalCollection { Outcome: CollectionOutcome.Suspended }:
                    return JobItemOutcome.Done("already-suspended");
                case RenewalCollection { Outcome: CollectionOutcome.NotYetDue }:
                    return JobItemOutcome.Done(declined ? "declined" : "awaiting-retry");
                case RenewalCollection:
                    return JobItemOutcome.Done(charged ? "charged" : declined ? "declined" : "not-due");
                case Rejection rejection:
                    return JobItemOutcome.Failed($"collection: {rejection.Message}");
                default:
                    return JobItemOutcome.Failed($"collection: unexpected answer {answer.GetType().Name}", retryable: false);
            }
        }
        return JobItemOutcome.Failed($"collection did not settle within {MaxCollectionSteps} steps", retryable: false);
    }
}
