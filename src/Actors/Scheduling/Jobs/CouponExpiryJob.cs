using Akka.Actor;
using MediaPlatform.Actors.Billing.Coupons;
using MediaPlatform.Actors.Entities;

namespace MediaPlatform.Actors.Scheduling.Jobs;

/// <summary>Marks every coupon past its expiry as expired (redemptions are refused from the expiry instant regardless).</summary>
public sealed class CouponExpiryJob(JobSpec spec, IActorRef coupons, JournalEntityIds ids) : IRecurringJob
{
    public const string JobName = "coupon-expiry";
    public const string Description = "marks coupons past their expiry date as expired";
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(10);

    public JobSpec Spec => spec;

    public Task<IReadOnlyList<string>> ListItemsAsync(JobRunContext run, CancellationToken cancellationToken) =>
        ids.ListAsync(CouponEntity.PersistenceIdPrefix, cancellationToken);

    public async Task<JobItemOutcome> RunItemAsync(string code, JobRunContext run, CancellationToken cancellationToken)
    {
        var before = await coupons.Ask<object>(new GetCoupon(code), AskTimeout, cancellationToken);
        if (before is CouponView { Expired: true }) return JobItemOutcome.Done("already-expired");
        return await coupons.Ask<object>(new ExpireCoupon(code), AskTimeout, cancellationToken) switch
        {
            CouponView { Expired: true } => JobItemOutcome.Done("expired"),
            CouponView => JobItemOutcome.Done("active"),
            Rejection { Kind: RejectionKind.NotFound } => JobItemOutcome.Done("not-created"),
            Rejection r => JobItemOutcome.Failed(r.Message),
            var other => JobItemOutcome.Failed($"unexpected answer {other.GetType().Name}", retryable: false),
        };
    }
}
