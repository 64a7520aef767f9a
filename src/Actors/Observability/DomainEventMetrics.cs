using MediaPlatform.Actors.Billing;
using MediaPlatform.Actors.Scheduling;
using MediaPlatform.Actors.Work;

namespace MediaPlatform.Actors.Observability;

/// <summary>
/// Business counters read off the events entities store, once each, after the journal has them (never during
/// recovery): what is counted is what happened, and no state file has to know about metrics.
/// </summary>
public static class DomainEventMetrics
{
    public static void Stored(object @event)
    {
        switch (@event)
        {
            case InvoiceIssued issued:
                BillingMetrics.InvoiceIssued(issued.Invoice.Kind);
                break;
            case SubscriptionSuspended:
                BillingMetrics.Suspended();
                break;
            case WorkCompleted completed:
                MediaMetrics.Completed(completed.Result.Elapsed, completed.Result.Duration);
                break;
            case WorkFailed failed:
                MediaMetrics.Failed(failed.WillRetry);
                break;
            case WorkRequeued:
                MediaMetrics.Requeued();
                break;
            case JobRunStarted started:
                SchedulerMetrics.Run(started.Job, "started");
                break;
            case JobRunResumed resumed:
                SchedulerMetrics.Run(resumed.Job, "resumed");
                break;
            case JobRunFinished finished:
                SchedulerMetrics.Run(finished.Job, "finished");
                break;
            case JobRunProgressed progressed:
                SchedulerMetrics.Progressed(progressed.Job, progressed.Processed, progressed.Failed);
                break;
        }
    }
}
