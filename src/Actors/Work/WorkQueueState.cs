using System.Collections.Immutable;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Serialization;
using MediaPlatform.Streams.Encoding;

namespace MediaPlatform.Actors.Work;

/// <summary>
/// The transcode queue's memory and every rule about work items; pure (the coordinator stores what it decides, then acts).
/// At-least-once without double counting, and bounded by <see cref="FinishedBatchesKept"/>: docs/architecture.md#upload--hls.
/// </summary>
[Manifest("work.state.v1")]
public sealed partial record WorkQueueState(
    ImmutableSortedDictionary<string, WorkItem> Items,
    ImmutableSortedDictionary<string, WorkBatch> Batches,
    ImmutableList<string> Pending,
    ImmutableList<string> FinishedBatches,
    ImmutableList<string> ForgottenBatches,
    long CompletedTotal,
    long FailedTotal) : IEntityState<WorkQueueState, IWorkEvent>, IProtocolMessage
{
    public const int FinishedBatchesKept = 64;
    /// <summary>Ids of forgotten batches remembered so a late submit to one is refused rather than redone.</summary>
    public const int ForgottenBatchesKept = 1024;

    public static readonly WorkQueueState Empty = new(
        ImmutableSortedDictionary<string, WorkItem>.Empty, ImmutableSortedDictionary<string, WorkBatch>.Empty, [], [], [], 0, 0);

    public Decision<IWorkEvent> Submit(SubmitWork c, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(c.WorkId) || string.IsNullOrWhiteSpace(c.BatchId))
            return Refuse(Rejection.Invalid("work id and batch id are required"));
        if (c.BatchSize < 1) return Refuse(Rejection.Invalid($"batch size must be at least 1, not {c.BatchSize}"));
        if (c.Payload is null || string.IsNullOrWhiteSpace(c.Payload.OutputPath) || string.IsNullOrWhiteSpace(c.Payload.Chunk?.Path))
            return Refuse(Rejection.Invalid("the payload needs a source chunk path and an output path"));
        if (Items.TryGetValue(c.WorkId, out var known))
            return known.BatchId == c.BatchId
                ? Answer(new WorkAck(c.WorkId, c.BatchId, Repeat: true))
                : Refuse(Rejection.Conflict($"work id '{c.WorkId}' already belongs to batch '{known.BatchId}'"));
        if (ForgottenBatches.Contains(c.BatchId))
            return Refuse(Rejection.Conflict($"batch '{c.BatchId}' is finished and acknowledged; submit under a new batch id"));
        if (Batches.TryGetValue(c.BatchId, out var batch))
        {
            if (batch.Size != c.BatchSize)
                return Refuse(Rejection.Invalid($"batch '{c.BatchId}' holds {batch.Size} items, not {c.BatchSize}"));
            if (batch.WorkIds.Count >= batch.Size)
                return Refuse(Rejection.Conflict($"batch '{c.BatchId}' already holds its {batch.Size} items"));
        }
        return Decide.Persist(this, new WorkAccepted(c.WorkId, c.BatchId, c.BatchSize, c.Payload, c.Subscriber, now),
            _ => new WorkAck(c.WorkId, c.BatchId, Repeat: false));
    }

    /// <summary>Hands pending work, oldest first, to the workers with free slots, one slot of each in turn.</summary>
    public Decision<IWorkEvent> Dispatch(IReadOnlyList<WorkerDemand> demand, DateTimeOffset now)
    {
        // Round-robin over the slots: worker A's first slot, B's first, A's second, … so a batch spreads over nodes.
        var turns = new List<WorkerDemand>();
        for (var round = 0; round < demand.Select(d => d.Slots).DefaultIfEmpty(0).Max(); round++)
            turns.AddRange(demand.Where(d => d.Slots > round));
        var events = Pending.Zip(turns, (workId, worker) =>
            (IWorkEvent)new WorkStarted(workId, worker.Worker, worker.Node, Items[workId].Attempt + 1, now)).ToList();
        return events.Count == 0 ? Answer(NoReply.Instance) : new Decision<IWorkEvent>.Accepted(events, NoReply.Instance);
    }

    /// <summary>A worker's success report. First completion wins; any report after it is acknowledged and ignored.</summary>
    public Decision<IWorkEvent> Complete(string workId, int attempt, string worker, ChunkEncodeResult result, DateTimeOffset now)
    {
        var ack = new WorkResultAck(workId, attempt);
        if (!Items.TryGetValue(workId, out var item) || item.IsTerminal()) return Answer(ack);
        return Decide.Persist(this, new WorkCompleted(workId, StoredEncodeResult.From(result), worker, attempt, now), _ => ack);
    }

    /// <summary>
    /// A worker's failure report. Only the attempt in flight counts (a stale attempt's failure says nothing about the
    /// attempt running now); the work is retried until it has failed <paramref name="maxAttempts"/> times.
    /// </summary>
    public Decision<IWorkEvent> Fail(string workId, int attempt, string worker, string error, int maxAttempts, DateTimeOffset now)
    {
        var ack = new WorkResultAck(workId, attempt);
        if (!Items.TryGetValue(workId, out var item) || !IsCurrent(item, attempt, worker)) return Answer(ack);
        return Decide.Persist(this, new WorkFailed(workId, error, attempt, item.Failures + 1 < maxAttempts, now), _ => ack);
    }

    /// <summary>A worker had no slot for an assignment: the work goes back to the front of the queue.</summary>
    public Decision<IWorkEvent> Decline(string workId, int attempt, string worker, DateTimeOffset now) =>
        Items.TryGetValue(workId, out var item) && IsCurrent(item, attempt, worker)
            ? Decide.Persist(this, new WorkRequeued(workId, $"declined by {worker} (no free slot)", now), _ => NoReply.Instance)
            : Answer(NoReply.Instance);

    /// <summary>Sends the given work back to the queue, those of it still in flight. Answers <see cref="ReapResult"/>.</summary>
    public Decision<IWorkEvent> Requeue(IEnumerable<string> workIds, string reason, DateTimeOffset now)
    {
        var ids = workIds.Distinct().Where(id => Items.TryGetValue(id, out var i) && i.Status == WorkStatus.InFlight).ToList();
        var reply = new ReapResult(ids);
        return ids.Count == 0
            ? Answer(reply)
            : new Decision<IWorkEvent>.Accepted(ids.Select(id => (IWorkEvent)new WorkRequeued(id, reason, now)).ToList(), reply);
    }

    public Decision<IWorkEvent> Acknowledge(string batchId, DateTimeOffset now)
    {
        if (!Batches.TryGetValue(batchId, out var batch))
            return ForgottenBatches.Contains(batchId)
                ? Answer(new BatchForgotten(batchId))
                : Refuse(Rejection.NotFound($"no batch '{batchId}'"));
        if (batch.FinishedAt is null)
            return Refuse(Rejection.Conflict(
                $"batch '{batchId}' is not finished: {batch.Done} done, {batch.Failed} failed of {batch.Size}"));
        return Decide.Persist(this, new BatchAcknowledged(batchId, now), _ => new BatchForgotten(batchId));
    }

    public WorkQueueState Apply(IWorkEvent @event) => @event switch
    {
        WorkAccepted e => Accepted(e),
        WorkStarted e => WithItem(e.WorkId, i => i with
        {
            Status = WorkStatus.InFlight, Attempt = e.Attempt, Worker = e.Worker, Node = e.Node, StartedAt = e.At,
        }) with { Pending = Pending.Remove(e.WorkId) },
        WorkCompleted e => Completed(e),
        WorkFailed e => AttemptFailed(e),
        WorkRequeued e when Items.GetValueOrDefault(e.WorkId) is { Status: WorkStatus.InFlight } =>
            WithItem(e.WorkId, i => i with { Status = WorkStatus.Pending, Worker = null, Node = null })
                with { Pending = Pending.Insert(0, e.WorkId) }, // it waited once already: first in line
        BatchAcknowledged e => Forget(e.BatchId),
        _ => this,
    };

    private WorkQueueState Accepted(WorkAccepted e)
    {
        var batch = Batches.GetValueOrDefault(e.BatchId) ?? WorkBatch.Start(e);
        return this with
        {
            Items = Items.SetItem(e.WorkId, WorkItem.Accepted(e)),
            Batches = Batches.SetItem(e.BatchId, batch with { WorkIds = batch.WorkIds.Add(e.WorkId), Subscriber = batch.Subscriber ?? e.Subscriber }),
            Pending = Pending.Add(e.WorkId),
        };
    }

    private WorkQueueState Completed(WorkCompleted e)
    {
        if (Items.GetValueOrDefault(e.WorkId) is not { } item || item.IsTerminal()) return this;
        var state = WithItem(e.WorkId, i => i with { Status = WorkStatus.Completed, Result = e.Result, CompletedBy = e.Worker });
        return Ended(state with { Pending = Pending.Remove(e.WorkId), CompletedTotal = CompletedTotal + 1 }, item.BatchId, done: 1, failed: 0, e.At);
    }

    private WorkQueueState AttemptFailed(WorkFailed e)
    {
        if (Items.GetValueOrDefault(e.WorkId) is not { } item || item.IsTerminal()) return this;
        if (e.WillRetry)
            return WithItem(e.WorkId, i => i with { Status = WorkStatus.Pending, Failures = i.Failures + 1, LastError = e.Error, Worker = null, Node = null })
                with { Pending = Pending.Remove(e.WorkId).Add(e.WorkId) };
        var state = WithItem(e.WorkId, i => i with { Status = WorkStatus.Failed, Failures = i.Failures + 1, LastError = e.Error, Worker = null, Node = null });
        return Ended(state with { Pending = Pending.Remove(e.WorkId), FailedTotal = FailedTotal + 1 }, item.BatchId, done: 0, failed: 1, e.At);
    }

    private static bool IsCurrent(WorkItem item, int attempt, string worker) =>
        item.Status == WorkStatus.InFlight && item.Attempt == attempt && item.Worker == worker;

    private WorkQueueState WithItem(string workId, Func<WorkItem, WorkItem> change) =>
        Items.TryGetValue(workId, out var item) ? this with { Items = Items.SetItem(workId, change(item)) } : this;

    /// <summary>Counts an item's end into its batch; a batch whose every item has ended is finished.</summary>
    private static WorkQueueState Ended(WorkQueueState state, string batchId, int done, int failed, DateTimeOffset at)
    {
        if (!state.Batches.TryGetValue(batchId, out var batch)) return state;
        batch = batch with { Done = batch.Done + done, Failed = batch.Failed + failed };
        if (batch.FinishedAt is not null || batch.Done + batch.Failed < batch.Size)
            return state with { Batches = state.Batches.SetItem(batchId, batch) };
        state = state with
        {
            Batches = state.Batches.SetItem(batchId, batch with { FinishedAt = at }),
            FinishedBatches = state.FinishedBatches.Add(batchId),
        };
        // Owners that never acknowledge must not grow the state: the oldest finished batch is forgotten.
        while (state.FinishedBatches.Count > FinishedBatchesKept) state = state.Forget(state.FinishedBatches[0]);
        return state;
    }

    private WorkQueueState Forget(string batchId)
    {
        if (!Batches.TryGetValue(batchId, out var batch)) return this;
        var forgotten = ForgottenBatches.Add(batchId);
        return this with
        {
            Items = Items.RemoveRange(batch.WorkIds),
            Batches = Batches.Remove(batchId),
            Pending = Pending.RemoveAll(batch.WorkIds.Contains),
            FinishedBatches = FinishedBatches.Remove(batchId),
            ForgottenBatches = forgotten.Count > ForgottenBatchesKept ? forgotten.RemoveAt(0) : forgotten,
        };
    }

    private static Decision<IWorkEvent> Answer(object reply) => Decide.Reply<IWorkEvent>(reply);

    private static Decision<IWorkEvent> Refuse(Rejection rejection) => Decide.Reject<IWorkEvent>(rejection);
}
