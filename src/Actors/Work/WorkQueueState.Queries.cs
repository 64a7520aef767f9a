namespace MediaPlatform.Actors.Work;

/// <summary>Questions the coordinator asks of its state, and the views it answers with.</summary>
public sealed partial record WorkQueueState
{
    public IEnumerable<WorkItem> InFlight() => Items.Values.Where(i => i.Status == WorkStatus.InFlight);

    public IReadOnlyList<string> InFlightOnWorker(string worker) =>
        InFlight().Where(i => i.Worker == worker).Select(i => i.WorkId).ToList();

    public IReadOnlyList<string> InFlightOnNode(string node) =>
        InFlight().Where(i => i.Node == node).Select(i => i.WorkId).ToList();

    /// <summary>Work in flight on nodes that are not (or no longer) cluster members.</summary>
    public IReadOnlyList<string> InFlightOffNodes(IReadOnlySet<string> members) =>
        InFlight().Where(i => i.Node is null || !members.Contains(i.Node)).Select(i => i.WorkId).ToList();

    /// <summary>
    /// Work in flight that nobody has vouched for within <paramref name="timeout"/>: not reported running by its
    /// worker since <paramref name="lastSeen"/> says, or since it started, or since <paramref name="notBefore"/> (this
    /// coordinator's start: a new incarnation gives every worker a full timeout to check in again).
    /// </summary>
    public IReadOnlyList<string> StaleWork(Func<string, DateTimeOffset?> lastSeen, DateTimeOffset notBefore, DateTimeOffset now, TimeSpan timeout) =>
        InFlight()
            .Where(i => now - Max(lastSeen(i.WorkId) ?? i.StartedAt ?? notBefore, notBefore) > timeout)
            .Select(i => i.WorkId).ToList();

    public BatchStatus? StatusOf(string batchId, Func<string, double?> progress)
    {
        if (!Batches.TryGetValue(batchId, out var batch)) return null;
        var items = batch.WorkIds.Select(id => Items[id]).ToList();
        return new BatchStatus(batch.BatchId, batch.Size, items.Count, batch.Done, batch.Failed,
            items.Count(i => i.Status == WorkStatus.Pending), items.Count(i => i.Status == WorkStatus.InFlight), batch.FinishedAt is not null,
            items.Select(i => new WorkItemView(i.WorkId, i.Status, i.Attempt, i.Failures, i.Worker, i.Node,
                i.Status == WorkStatus.InFlight ? progress(i.WorkId) : null, i.LastError, i.AllResults().FirstOrDefault()?.ToResult(),
                i.Status == WorkStatus.Completed ? i.AllResults().Select(r => r.ToResult()).ToList() : null, i.Qc?.ToQc(),
                i.Completions, i.CompletedBy)).ToList());
    }

    public QueueStatus Queue(WorkerRoster roster, DateTimeOffset now)
    {
        var inFlight = InFlight().ToList();
        var workers = roster.Workers.Values.Select(w => new WorkerView(w.WorkerId, w.Node, w.Capacity, w.Running,
            inFlight.Where(i => i.Worker == w.WorkerId).Select(i => i.WorkId).ToList(), w.LastSeen, w.Slots, w.Cores)).ToList();
        var byNode = inFlight.GroupBy(i => i.Node ?? "(unknown)").ToDictionary(g => g.Key, g => g.Count());
        foreach (var node in roster.Workers.Values.Select(w => w.Node)) byNode.TryAdd(node, 0);
        var batches = Batches.Values.Select(b =>
        {
            var items = b.WorkIds.Select(id => Items[id]).ToList();
            return new BatchSummary(b.BatchId, b.Size, b.Done, b.Failed, items.Count(i => i.Status == WorkStatus.Pending),
                items.Count(i => i.Status == WorkStatus.InFlight), b.FinishedAt is not null);
        }).ToList();
        return new QueueStatus(Pending.Count, inFlight.Count, CompletedTotal, FailedTotal,
            new SortedDictionary<string, int>(byNode, StringComparer.Ordinal), workers, batches, now);
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
