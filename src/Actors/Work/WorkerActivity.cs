using System.Collections.Immutable;

namespace MediaPlatform.Actors.Work;

/// <summary>
/// What the coordinator knows but does not store: the workers that checked in, when each work item in flight was last
/// vouched for and how far it is, and how often a finished batch's final progress was sent. A new coordinator after
/// failover learns it again within one check-in interval. Pure, like <see cref="WorkQueueState"/>.
/// </summary>
public sealed record WorkerActivity(
    WorkerRoster Roster,
    ImmutableSortedDictionary<string, DateTimeOffset> LastSeen,
    ImmutableSortedDictionary<string, double> Progress,
    ImmutableSortedDictionary<string, int> FinalNoticesSent,
    DateTimeOffset StartedAt)
{
    /// <summary>How often the final <see cref="BatchProgress"/> of an unacknowledged batch is sent (per incarnation).</summary>
    public const int FinalNoticeSends = 3;

    public static WorkerActivity Since(DateTimeOffset startedAt) => new(WorkerRoster.Empty,
        ImmutableSortedDictionary<string, DateTimeOffset>.Empty, ImmutableSortedDictionary<string, double>.Empty,
        ImmutableSortedDictionary<string, int>.Empty, startedAt);

    public DateTimeOffset? LastSeenOf(string workId) => LastSeen.TryGetValue(workId, out var seen) ? seen : null;

    public double? ProgressOf(string workId) => Progress.TryGetValue(workId, out var p) ? p : null;

    /// <summary>A check-in vouches for the work it lists, but only what the queue has in flight on that worker.</summary>
    public WorkerActivity CheckedIn(WorkerCheckIn c, WorkQueueState queue, DateTimeOffset now)
    {
        var vouched = c.Running.Where(r => queue.Items.GetValueOrDefault(r.WorkId) is { Status: WorkStatus.InFlight } item && item.Worker == c.WorkerId).ToList();
        return this with
        {
            Roster = Roster.CheckedIn(c, now),
            LastSeen = LastSeen.SetItems(vouched.Select(r => KeyValuePair.Create(r.WorkId, now))),
            Progress = Progress.SetItems(vouched.Select(r => KeyValuePair.Create(r.WorkId, r.Progress))),
        };
    }

    /// <summary>A result or decline carries the worker's running count.</summary>
    public WorkerActivity Reported(string workerId, int running, DateTimeOffset now) => this with { Roster = Roster.Reported(workerId, running, now) };

    public WorkerActivity Without(string workerId) => this with { Roster = Roster.Without(workerId) };

    /// <summary>Follows a stored event: started work counts as seen; ended or re-queued work is no longer tracked.</summary>
    public WorkerActivity After(IWorkEvent e, WorkQueueState queue, DateTimeOffset now) => e switch
    {
        WorkStarted s => this with { LastSeen = LastSeen.SetItem(s.WorkId, now) },
        WorkCompleted c => Forget(c.WorkId).CountFinalNotice(queue, c.WorkId),
        WorkChunkCompleted c => Forget(c.WorkId).CountFinalNotice(queue, c.WorkId),
        BatchCancelled b when queue.Batches.TryGetValue(b.BatchId, out var batch) =>
            batch.WorkIds.Aggregate(this, (a, id) => a.Forget(id)) with { FinalNoticesSent = FinalNoticesSent.SetItem(b.BatchId, 1) },
        WorkFailed { WillRetry: false } f => Forget(f.WorkId).CountFinalNotice(queue, f.WorkId),
        WorkFailed f => Forget(f.WorkId),
        WorkRequeued r => Forget(r.WorkId),
        BatchAcknowledged b => this with { FinalNoticesSent = FinalNoticesSent.Remove(b.BatchId) },
        _ => this,
    };

    /// <summary>Finished, unacknowledged batches whose final progress is sent again (the first may have been lost).</summary>
    public (WorkerActivity Activity, IReadOnlyList<string> BatchIds) FinalNoticesDue(WorkQueueState queue)
    {
        var due = queue.Batches.Values
            .Where(b => b.FinishedAt is not null && b.Subscriber is not null && FinalNoticesSent.GetValueOrDefault(b.BatchId) < FinalNoticeSends)
            .Select(b => b.BatchId).ToList();
        return (this with { FinalNoticesSent = FinalNoticesSent.SetItems(due.Select(id => KeyValuePair.Create(id, FinalNoticesSent.GetValueOrDefault(id) + 1))) }, due);
    }

    private WorkerActivity Forget(string workId) => this with { LastSeen = LastSeen.Remove(workId), Progress = Progress.Remove(workId) };

    /// <summary>The work's batch just finished: its final progress has been sent once.</summary>
    private WorkerActivity CountFinalNotice(WorkQueueState queue, string workId) =>
        queue.Items.GetValueOrDefault(workId) is { } item && queue.Batches.GetValueOrDefault(item.BatchId) is { FinishedAt: not null } batch
            ? this with { FinalNoticesSent = FinalNoticesSent.SetItem(batch.BatchId, 1) }
            : this;
}
