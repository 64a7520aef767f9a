using System.Collections.Immutable;

namespace MediaPlatform.Actors.Work;

/// <summary>
/// A worker the coordinator knows: its node, capacity (items it takes at once), slots (encodes it runs at once) and
/// cores, how many items it last said it holds, when it last spoke.
/// </summary>
public sealed record WorkerEntry(string WorkerId, string Node, int Capacity, int Running, DateTimeOffset LastSeen, int Slots, int Cores);

/// <summary>
/// The coordinator's registered workers. Not persisted: workers check in every few seconds, so a new coordinator
/// learns them again within one check-in interval. Pure, like the queue's state.
/// </summary>
public sealed record WorkerRoster(ImmutableSortedDictionary<string, WorkerEntry> Workers)
{
    public static readonly WorkerRoster Empty = new(ImmutableSortedDictionary<string, WorkerEntry>.Empty);

    public bool Knows(string workerId) => Workers.ContainsKey(workerId);

    public WorkerRoster CheckedIn(WorkerCheckIn c, DateTimeOffset now) =>
        new(Workers.SetItem(c.WorkerId, new WorkerEntry(c.WorkerId, c.Node, c.Capacity, c.Running.Count, now,
            c.Slots > 0 ? c.Slots : c.Capacity, c.Cores > 0 ? c.Cores : c.Capacity)));

    /// <summary>A result or decline carries the worker's running count: fresher than its last check-in.</summary>
    public WorkerRoster Reported(string workerId, int running, DateTimeOffset now) =>
        Workers.TryGetValue(workerId, out var w) ? new(Workers.SetItem(workerId, w with { Running = running, LastSeen = now })) : this;

    public WorkerRoster Without(string workerId) => new(Workers.Remove(workerId));

    /// <summary>Workers that have not checked in since <paramref name="before"/>: presumed gone, given no more work.</summary>
    public IReadOnlyList<string> SilentSince(DateTimeOffset before) =>
        Workers.Values.Where(w => w.LastSeen < before).Select(w => w.WorkerId).ToList();

    public IReadOnlyList<string> OnNode(string node) => Workers.Values.Where(w => w.Node == node).Select(w => w.WorkerId).ToList();

    /// <summary>
    /// Free slots per worker: its capacity less the larger of what it says it runs and what the queue has in flight
    /// on it. The larger, because each can lag the other (an assignment on its way; a re-queued encode still running).
    /// Workers not heard from since <paramref name="aliveSince"/> get nothing.
    /// </summary>
    public IReadOnlyList<WorkerDemand> Demand(WorkQueueState state, DateTimeOffset aliveSince)
    {
        var inFlight = state.InFlight().Where(i => i.Worker is not null).GroupBy(i => i.Worker!)
            .ToDictionary(g => g.Key, g => (Count: g.Count(), Size: g.Sum(i => i.Size())));
        return Workers.Values.Where(w => w.LastSeen >= aliveSince)
            .Select(w => new WorkerDemand(w.WorkerId, w.Node, w.Capacity - Math.Max(w.Running, inFlight.GetValueOrDefault(w.WorkerId).Count),
                w.Cores, inFlight.GetValueOrDefault(w.WorkerId).Size))
            .Where(d => d.Slots > 0).ToList();
    }
}
