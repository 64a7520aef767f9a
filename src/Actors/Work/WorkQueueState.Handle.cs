using MediaPlatform.Actors.Entities;

namespace MediaPlatform.Actors.Work;

/// <summary>The queue's command handlers: every message the coordinator decides on, given what it knows of its workers.</summary>
public sealed partial record WorkQueueState
{
    /// <summary>Commands from submitters, operators and scheduled jobs.</summary>
    public Decision<IWorkEvent> Handle(ITranscodeCommand command, WorkerActivity activity, TranscodeSettings settings, DateTimeOffset now) =>
        command switch
        {
            SubmitWork c => Submit(c, now),
            SubmitChunkWork c => SubmitChunk(c, now),
            CancelBatch c => Cancel(c.BatchId, c.Reason, now),
            GetBatchStatus c => StatusOf(c.BatchId, activity.ProgressOf) is { } status
                ? Answer(status)
                : Refuse(Rejection.NotFound($"no batch '{c.BatchId}' (never submitted, or finished and acknowledged)")),
            GetQueueStatus => Answer(Queue(activity.Roster, now)),
            ReapStaleWork => Reap(activity, settings.WorkTimeout, now),
            AcknowledgeBatch c => Acknowledge(c.BatchId, now),
            _ => Refuse(Rejection.Invalid($"unknown transcode command {command.GetType().Name}")),
        };

    /// <summary>A worker's report on an attempt: done, failed, or declined for want of a free slot.</summary>
    public Decision<IWorkEvent> Handle(IWorkerMessage report, TranscodeSettings settings, DateTimeOffset now) =>
        report switch
        {
            ReportWorkDone r => Complete(r.WorkId, r.Attempt, r.WorkerId, r.Result, now),
            ReportChunkDone r => CompleteChunk(r.WorkId, r.Attempt, r.WorkerId, r.Results, settings.MaxAttempts, now, r.Qc),
            ReportWorkFailed r => Fail(r.WorkId, r.Attempt, r.WorkerId, r.Error, settings.MaxAttempts, now),
            DeclineWork d => Decline(d.WorkId, d.Attempt, d.WorkerId, now),
            _ => Refuse(Rejection.Invalid($"not a worker report: {report.GetType().Name}")),
        };

    /// <summary>Re-queues work in flight nobody has vouched for within <paramref name="timeout"/>.</summary>
    public Decision<IWorkEvent> Reap(WorkerActivity activity, TimeSpan timeout, DateTimeOffset now) =>
        Requeue(StaleWork(activity.LastSeenOf, activity.StartedAt, now, timeout),
            $"no word from its worker for {timeout.TotalSeconds:0.#} s", now);

    /// <summary>Hands pending work to the workers with free slots, those heard from within <paramref name="timeout"/>.</summary>
    public Decision<IWorkEvent> DispatchTo(WorkerRoster roster, TimeSpan timeout, DateTimeOffset now) =>
        Pending.Count == 0 ? Answer(NoReply.Instance) : Dispatch(roster.Demand(this, now - timeout), now);
}
