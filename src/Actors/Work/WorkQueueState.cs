using System.Collections.Immutable;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Serialization;
using MediaPlatform.Streams.Encoding;
using MediaPlatform.Streams.Quality.Chunks;

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

    public Decision<IWorkEvent> Submit(SubmitWork c, DateTimeOffset now) =>
        c.Payload is null || string.IsNullOrWhiteSpace(c.Payload.OutputPath) || string.IsNullOrWhiteSpace(c.Payload.Chunk?.Path)
            ? Refuse(Rejection.Invalid("the payload needs a source chunk path and an output path"))
            : Intake(c.WorkId, c.BatchId, c.BatchSize, () => new WorkAccepted(c.WorkId, c.BatchId, c.BatchSize, c.Payload, c.Subscriber, now));

    /// <summary>Queues a chunk × rungs item: one rung per output path, no rung twice (one encode per chunk and rung).</summary>
    public Decision<IWorkEvent> SubmitChunk(SubmitChunkWork c, DateTimeOffset now)
    {
        var p = c.Payload;
        if (p is null || string.IsNullOrWhiteSpace(p.Chunk?.Path) || p.Rungs is not { Count: > 0 } || p.OutputPaths is null
            || p.OutputPaths.Count != p.Rungs.Count || p.OutputPaths.Any(string.IsNullOrWhiteSpace))
            return Refuse(Rejection.Invalid("the payload needs a source chunk path, at least one rung and one output path per rung"));
        if (p.Rungs.Select(r => r.Name).Distinct().Count() != p.Rungs.Count)
            return Refuse(Rejection.Invalid("a rung appears twice in the payload"));
        return Intake(c.WorkId, c.BatchId, c.BatchSize, () => new WorkChunkAccepted(c.WorkId, c.BatchId, c.BatchSize, p, c.Subscriber, now));
    }

    /// <summary>The rules of taking an item into a batch, whatever its shape.</summary>
    private Decision<IWorkEvent> Intake(string workId, string batchId, int batchSize, Func<IWorkEvent> accepted)
    {
        if (string.IsNullOrWhiteSpace(workId) || string.IsNullOrWhiteSpace(batchId))
            return Refuse(Rejection.Invalid("work id and batch id are required"));
        if (batchSize < 1) return Refuse(Rejection.Invalid($"batch size must be at least 1, not {batchSize}"));
        if (Items.TryGetValue(workId, out var known))
            return known.BatchId == batchId
                ? Answer(new WorkAck(workId, batchId, Repeat: true))
                : Refuse(Rejection.Conflict($"work id '{workId}' already belongs to batch '{known.BatchId}'"));
        if (ForgottenBatches.Contains(batchId))
            return Refuse(Rejection.Conflict($"batch '{batchId}' is finished and acknowledged; submit under a new batch id"));
        if (Batches.TryGetValue(batchId, out var batch))
        {
            if (batch.CancelledReason is not null)
                return Refuse(Rejection.Conflict($"batch '{batchId}' was cancelled: {batch.CancelledReason}"));
            if (batch.Size != batchSize)
                return Refuse(Rejection.Invalid($"batch '{batchId}' holds {batch.Size} items, not {batchSize}"));
            if (batch.WorkIds.Count >= batch.Size)
                return Refuse(Rejection.Conflict($"batch '{batchId}' already holds its {batch.Size} items"));
        }
        return Decide.Persist(this, accepted(), _ => new WorkAck(workId, batchId, Repeat: false));
    }

    /// <summary>
    /// Hands pending work, oldest first, to the workers with free slots: each item to the worker whose load per core
    /// (the sizes of the items it holds over its cores) would be lowest with it, so equal workers take turns and a
    /// worker with more cores, or smaller items, takes more.
    /// </summary>
    public Decision<IWorkEvent> Dispatch(IReadOnlyList<WorkerDemand> demand, DateTimeOffset now)
    {
        var free = demand.ToDictionary(d => d.Worker, d => d.Slots);
        var load = demand.ToDictionary(d => d.Worker, d => (double)d.Load);
        var events = new List<IWorkEvent>();
        foreach (var workId in Pending)
        {
            var size = Items[workId].Size();
            var target = demand.Where(d => free[d.Worker] > 0)
                .OrderBy(d => (load[d.Worker] + size) / Math.Max(1, d.Cores)).FirstOrDefault();
            if (target is null) break;
            free[target.Worker]--;
            load[target.Worker] += size;
            events.Add(new WorkStarted(workId, target.Worker, target.Node, Items[workId].Attempt + 1, now));
        }
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
    /// A worker's success report on a chunk item: one result per rung of the item, else it counts as a failed attempt
    /// (the exactly-one-encode-per-chunk-and-rung rule). First completion wins, as with <see cref="Complete"/>.
    /// </summary>
    /// <paramref name="qc"/>, the chunk's picture quality control, is stored with the completion (before it, so the
    /// completed item already holds it).
    public Decision<IWorkEvent> CompleteChunk(string workId, int attempt, string worker, IReadOnlyList<ChunkEncodeResult> results, int maxAttempts,
        DateTimeOffset now, ChunkPictureQc? qc = null)
    {
        var ack = new WorkResultAck(workId, attempt);
        if (!Items.TryGetValue(workId, out var item) || item.IsTerminal()) return Answer(ack);
        var work = item.Work();
        var matches = results.Count == work.Rungs.Count && work.Rungs.All(r => results.Count(x => x.RungName == r.Name && x.ChunkIndex == work.Chunk.Index) == 1);
        if (!matches)
            return Fail(workId, attempt, worker, $"the worker reported rungs [{string.Join(',', results.Select(r => r.RungName))}] " +
                                                 $"for chunk {work.Chunk.Index}, expected each of [{string.Join(',', work.Rungs.Select(r => r.Name))}] once", maxAttempts, now);
        var ordered = work.Rungs.Select(r => StoredEncodeResult.From(results.Single(x => x.RungName == r.Name))).ToList();
        var completed = new WorkChunkCompleted(workId, ordered, worker, attempt, now);
        return qc is null
            ? Decide.Persist(this, completed, _ => ack)
            : Decide.Persist(this, new IWorkEvent[] { new WorkChunkChecked(workId, StoredChunkQc.From(qc), attempt, now), completed }, _ => ack);
    }

    /// <summary>
    /// The owner gives up on a batch: every item not yet ended fails as cancelled (a finished or unknown batch is left
    /// alone). Answers how many items were stopped.
    /// </summary>
    public Decision<IWorkEvent> Cancel(string batchId, string reason, DateTimeOffset now)
    {
        if (!Batches.TryGetValue(batchId, out var batch) || batch.FinishedAt is not null) return Answer(new BatchCancelAck(batchId, 0));
        var open = batch.WorkIds.Count(id => !Items[id].IsTerminal()) + (batch.Size - batch.WorkIds.Count);
        return Decide.Persist(this, new BatchCancelled(batchId, string.IsNullOrWhiteSpace(reason) ? "cancelled by its owner" : reason, now),
            _ => new BatchCancelAck(batchId, open));
    }

    /// <summary>Work of a batch in flight on each worker: what to stop when the batch is cancelled.</summary>
    public IReadOnlyList<(string Worker, string WorkId)> InFlightOfBatch(string batchId) =>
        Batches.TryGetValue(batchId, out var batch)
            ? batch.WorkIds.Select(id => Items[id]).Where(i => i.Status == WorkStatus.InFlight && i.Worker is not null).Select(i => (i.Worker!, i.WorkId)).ToList()
            : [];

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
        WorkAccepted e => Accepted(e.BatchId, e.BatchSize, e.Subscriber, WorkItem.Accepted(e)),
        WorkChunkAccepted e => Accepted(e.BatchId, e.BatchSize, e.Subscriber, WorkItem.Accepted(e)),
        WorkChunkCompleted e => Completed(e.WorkId, e.At, i => i with { Status = WorkStatus.Completed, CompletedBy = e.Worker, Results = [.. e.Results] }),
        BatchCancelled e => Cancelled(e),
        WorkChunkChecked e when Items.GetValueOrDefault(e.WorkId) is { Status: not WorkStatus.Failed } => WithItem(e.WorkId, i => i with { Qc = e.Qc }),
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

    private WorkQueueState Accepted(string batchId, int batchSize, string? subscriber, WorkItem item)
    {
        var batch = Batches.GetValueOrDefault(batchId) ?? WorkBatch.Start(batchId, batchSize, subscriber);
        var items = Items.SetItem(item.WorkId, item);
        return this with
        {
            Items = items,
            Batches = Batches.SetItem(batchId, batch with { WorkIds = batch.WorkIds.Add(item.WorkId), Subscriber = batch.Subscriber ?? subscriber }),
            Pending = InPresentationOrder(items, Pending, batchId, item.WorkId),
        };
    }

    /// <summary>
    /// Adds a new item to the queue in its batch's presentation order: items are submitted in parallel and arrive
    /// shuffled, but a title plays while it transcodes only if its chunks are encoded from the start. Work ids of a
    /// batch start with the chunk index (zero-padded), so the item goes before the first pending item of its batch of
    /// a later chunk, or of the same chunk and a later <see cref="ChunkEncodePayload.Rank"/> (then work id); batches
    /// keep their first-come order between them. <paramref name="items"/> holds the new item.
    /// </summary>
    private static ImmutableList<string> InPresentationOrder(ImmutableSortedDictionary<string, WorkItem> items, ImmutableList<string> pending,
        string batchId, string workId)
    {
        var prefix = batchId + "/";
        var at = pending.FindIndex(id => id.StartsWith(prefix, StringComparison.Ordinal) && ComparePlace(items, prefix.Length, id, workId) > 0);
        return at < 0 ? pending.Add(workId) : pending.Insert(at, workId);
    }

    /// <summary>Chunk (the id's part after the batch), then rank, then work id.</summary>
    private static int ComparePlace(ImmutableSortedDictionary<string, WorkItem> items, int prefixLength, string a, string b)
    {
        static ReadOnlySpan<char> Chunk(string id, int from) => id.AsSpan(from) is var rest && rest.IndexOf('/') is var end and >= 0 ? rest[..end] : rest;
        var byChunk = Chunk(a, prefixLength).CompareTo(Chunk(b, prefixLength), StringComparison.Ordinal);
        if (byChunk != 0) return byChunk;
        var byRank = (items.GetValueOrDefault(a)?.Chunk?.Rank ?? 0).CompareTo(items.GetValueOrDefault(b)?.Chunk?.Rank ?? 0);
        return byRank != 0 ? byRank : string.CompareOrdinal(a, b);
    }

    private WorkQueueState Completed(WorkCompleted e) =>
        Completed(e.WorkId, e.At, i => i with { Status = WorkStatus.Completed, Result = e.Result, CompletedBy = e.Worker });

    private WorkQueueState Completed(string workId, DateTimeOffset at, Func<WorkItem, WorkItem> complete)
    {
        if (Items.GetValueOrDefault(workId) is not { } item) return this;
        // A second stored completion is counted on the item and otherwise ignored: first completion wins.
        if (item.IsTerminal()) return WithItem(workId, i => i with { Completions = i.Completions + 1 });
        var state = WithItem(workId, i => complete(i) with { Completions = i.Completions + 1 });
        return Ended(state with { Pending = Pending.Remove(workId), CompletedTotal = CompletedTotal + 1 }, item.BatchId, done: 1, failed: 0, at);
    }

    /// <summary>Every open item of the batch fails as cancelled, items never submitted count as failed too: the batch is finished.</summary>
    private WorkQueueState Cancelled(BatchCancelled e)
    {
        if (!Batches.TryGetValue(e.BatchId, out var batch) || batch.FinishedAt is not null) return this;
        var open = batch.WorkIds.Where(id => !Items[id].IsTerminal()).ToList();
        var state = this with
        {
            Items = Items.SetItems(open.Select(id => KeyValuePair.Create(id, Items[id] with
            {
                Status = WorkStatus.Failed, LastError = $"cancelled: {e.Reason}", Worker = null, Node = null,
            }))),
            Pending = Pending.RemoveAll(open.Contains),
            Batches = Batches.SetItem(e.BatchId, batch with { CancelledReason = e.Reason }),
        };
        return Ended(state, e.BatchId, done: 0, failed: open.Count + (batch.Size - batch.WorkIds.Count), e.At);
    }

    private WorkQueueState AttemptFailed(WorkFailed e)
    {
        if (Items.GetValueOrDefault(e.WorkId) is not { } item || item.IsTerminal()) return this;
        if (e.WillRetry)
            return WithItem(e.WorkId, i => i with { Status = WorkStatus.Pending, Failures = i.Failures + 1, LastError = e.Error, Worker = null, Node = null })
                // Retried in its presentation place, not behind the rest: a chunk that keeps failing fails its title
                // while the batch still has work to cancel, and a chunk that failed once holds up the playable prefix.
                with { Pending = InPresentationOrder(Items, Pending.Remove(e.WorkId), item.BatchId, e.WorkId) };
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
