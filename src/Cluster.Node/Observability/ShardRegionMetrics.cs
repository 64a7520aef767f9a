using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Sharding;
using MediaPlatform.Actors.Observability;

namespace MediaPlatform.Node.Observability;

/// <summary>
/// Shards and entities each shard region hosts on this node, labelled by region (the entity type names, a fixed set),
/// and the shards that moved here from another node (a member died or left, or the coordinator rebalanced).
/// Asking a region is asynchronous and a gauge's callback is not, so the regions are asked every few seconds in the
/// background and a scrape reads the last answers. Each round also asks the coordinator where every shard is
/// (<see cref="GetClusterShardingStats"/>, one question per region of the cluster), which is how a shard starting
/// here is known to have lived elsewhere.
/// </summary>
public sealed class ShardRegionMetrics : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(3);

    private readonly IServiceProvider _services;
    private readonly ConcurrentDictionary<string, (int Shards, int Entities)> _regions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _clusterShards = new(StringComparer.Ordinal);
    private readonly ShardHomes _homes = new();
    private readonly Counter<long> _movedIn;

    public ShardRegionMetrics(IMeterFactory meters, IServiceProvider services)
    {
        _services = services;
        var meter = meters.Create(MeterNames.Sharding);
        meter.CreateObservableGauge("media_platform.sharding.shards", () => Read(r => r.Shards), "{shard}",
            "Shards of each region hosted on this node.");
        meter.CreateObservableGauge("media_platform.sharding.entities", () => Read(r => r.Entities), "{entity}",
            "Entities of each region alive on this node.");
        meter.CreateObservableGauge("media_platform.sharding.cluster_shards",
            () => _clusterShards.Select(r => new Measurement<int>(r.Value, Region(r.Key))), "{shard}",
            "Shards of each region allocated in the whole cluster, as the coordinator last told this node (kept while a member does not answer).");
        _movedIn = meter.CreateCounter<long>("media_platform.sharding.shards_moved_in", "{shard}",
            "Shards that started on this node after living on another node: their node died or left, or the coordinator rebalanced them here.");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var system = _services.GetRequiredService<ActorSystem>();
        var sharding = ClusterSharding.Get(system);
        var self = Cluster.Get(system).SelfAddress.ToString();
        using var timer = new PeriodicTimer(Interval);
        do
        {
            var regions = sharding.ShardTypeNames.ToArray();
            foreach (var region in regions) await ReadHereAsync(sharding, region, self, stoppingToken);
            // Every region at once: while a member is unreachable each question waits for it until the time-out.
            var views = await Task.WhenAll(regions.Select(region => ReadClusterAsync(sharding, region, stoppingToken)));
            foreach (var (region, view) in regions.Zip(views))
            {
                // No answer, or an empty one (a region did not answer the coordinator): keep what was known.
                if (view is not { Regions.Count: > 0 }) continue;
                // A region local to the coordinator may be named by a local address (no host): that is this node.
                var homes = view.Regions.SelectMany(r => r.Value.Stats.Keys.Select(shard =>
                    KeyValuePair.Create(shard, r.Key.HasGlobalScope ? r.Key.ToString() : self)));
                _homes.ObserveCluster(region, homes, self);
                _clusterShards[region] = view.Regions.Values.Sum(r => r.Stats.Count);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private async Task ReadHereAsync(ClusterSharding sharding, string region, string self, CancellationToken stoppingToken)
    {
        try
        {
            var state = await sharding.ShardRegion(region).Ask<CurrentShardRegionState>(GetShardRegionState.Instance, AskTimeout, stoppingToken);
            _regions[region] = (state.Shards.Count, state.Shards.Sum(s => s.EntityIds.Count));
            var movedIn = _homes.ObserveHere(region, state.Shards.Select(s => s.ShardId), self);
            _movedIn.Add(movedIn, Region(region)); // 0 too: the series exists from the first round, so increase() sees the first move
        }
        catch (Exception) when (!stoppingToken.IsCancellationRequested)
        {
            // A busy region (or a time-out): keep its last figures; the next round asks again.
        }
    }

    private static async Task<ClusterShardingStats?> ReadClusterAsync(ClusterSharding sharding, string region, CancellationToken stoppingToken)
    {
        try
        {
            return await sharding.ShardRegion(region).Ask<ClusterShardingStats>(new GetClusterShardingStats(AskTimeout),
                AskTimeout + TimeSpan.FromSeconds(1), stoppingToken);
        }
        catch (Exception) when (!stoppingToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken token)
    {
        try { return await timer.WaitForNextTickAsync(token); }
        catch (OperationCanceledException) { return false; }
    }

    private static KeyValuePair<string, object?> Region(string region) => new("region", region);

    private IEnumerable<Measurement<int>> Read(Func<(int Shards, int Entities), int> pick) =>
        _regions.Select(r => new Measurement<int>(pick(r.Value), Region(r.Key)));
}
