using MediaPlatform.Actors.Scheduling;
using MediaPlatform.Actors.Work;
using MediaPlatform.Node.Hosting;

using MediaPlatform.Testing.Nodes;

namespace MediaPlatform.Specs.Support.MultiNode;

/// <summary>
/// Samples, a few times a second while a spec runs, every live node's billing-account entities and where the
/// singletons run, and records each moment an entity was alive on two nodes or a singleton on two nodes at once:
/// the two things a split brain or a careless hand-off would produce.
/// </summary>
public sealed class OwnershipWatch : IAsyncDisposable
{
    public static readonly IReadOnlyList<string> Singletons = [RecurringScheduler.Name, TranscodeCoordinator.Name];
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    private readonly IReadOnlyList<NodeActorHost> _nodes;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<string> _violations = [];
    private readonly Task _loop;

    private OwnershipWatch(IReadOnlyList<NodeActorHost> nodes)
    {
        _nodes = nodes;
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>Starts watching these nodes (the list is read on every sample, so nodes added later are watched too).</summary>
    public static OwnershipWatch Start(IReadOnlyList<NodeActorHost> nodes) => new(nodes);

    public int Samples { get; private set; }

    /// <summary>Samples in which some node could not answer in time (e.g. it was shutting down); they prove nothing.</summary>
    public int IncompleteSamples { get; private set; }

    public IReadOnlyList<string> Violations
    {
        get { lock (_violations) return _violations.ToList(); }
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try { await SampleAsync(); }
            catch (Exception) { IncompleteSamples++; } // e.g. the node list changed under us, or a node went away mid-sample
            try { await Task.Delay(Interval, _stop.Token); }
            catch (OperationCanceledException) { return; }
        }
    }

    private async Task SampleAsync()
    {
        var live = _nodes.ToList().Where(n => !n.IsTerminated).ToList();
        var entities = await Task.WhenAll(live.Select(EntitiesOrNullAsync));
        var complete = entities.All(e => e is not null);
        var twice = live.Select((node, i) => (port: node.Address.Port, ids: entities[i] ?? new HashSet<string>()))
            .SelectMany(n => n.ids.Select(id => (id, n.port)))
            .GroupBy(x => x.id)
            .Where(g => g.Count() > 1)
            .Select(g => $"entity {g.Key} alive on {string.Join(" and ", g.Select(x => x.port))}")
            .ToList();
        foreach (var name in Singletons)
        {
            var hosts = await SingletonProbe.HostsAsync(live, name);
            if (hosts.Count > 1) twice.Add($"singleton {name} running on {string.Join(" and ", hosts.Select(h => h.Address.Port))}");
        }
        Samples++;
        if (!complete) IncompleteSamples++;
        if (twice.Count > 0)
            lock (_violations) _violations.AddRange(twice);
    }

    private static async Task<IReadOnlySet<string>?> EntitiesOrNullAsync(NodeActorHost node)
    {
        try
        {
            return await ShardingProbe.LiveEntitiesAsync(node.Registered<EntityRegions.BillingAccounts>(), TimeSpan.FromSeconds(1));
        }
        catch (Exception)
        {
            return null; // a node shutting down does not answer; the next sample will not count it
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
