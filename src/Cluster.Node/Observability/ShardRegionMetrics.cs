using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Akka.Actor;
using Akka.Cluster.Sharding;
using MediaPlatform.Actors.Observability;

namespace MediaPlatform.Node.Observability;

/// <summary>
/// Shards and entities each shard region hosts on this node, labelled by region (the entity type names, a fixed set).
/// Asking a region is asynchronous and a gauge's callback is not, so the regions are asked every few seconds in the
/// background and a scrape reads the last answers.
/// </summary>
public sealed class ShardRegionMetrics : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(3);

    private readonly IServiceProvider _services;
    private readonly ConcurrentDictionary<string, (int Shards, int Entities)> _regions = new(StringComparer.Ordinal);

    public ShardRegionMetrics(IMeterFactory meters, IServiceProvider services)
    {
        _services = services;
        var meter = meters.Create(MeterNames.Sharding);
        meter.CreateObservableGauge("media_platform.sharding.shards", () => Read(r => r.Shards), "{shard}",
            "Shards of each region hosted on this node.");
        meter.CreateObservableGauge("media_platform.sharding.entities", () => Read(r => r.Entities), "{entity}",
            "Entities of each region alive on this node.");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var sharding = ClusterSharding.Get(_services.GetRequiredService<ActorSystem>());
        using var timer = new PeriodicTimer(Interval);
        do
        {
            foreach (var region in sharding.ShardTypeNames)
            {
                try
                {
                    var state = await sharding.ShardRegion(region).Ask<CurrentShardRegionState>(GetShardRegionState.Instance, AskTimeout, stoppingToken);
                    _regions[region] = (state.Shards.Count, state.Shards.Sum(s => s.EntityIds.Count));
                }
                catch (Exception) when (!stoppingToken.IsCancellationRequested)
                {
                    // A busy region (or a time-out): keep its last figures; the next round asks again.
                }
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken token)
    {
        try { return await timer.WaitForNextTickAsync(token); }
        catch (OperationCanceledException) { return false; }
    }

    private IEnumerable<Measurement<int>> Read(Func<(int Shards, int Entities), int> pick) =>
        _regions.Select(r => new Measurement<int>(pick(r.Value), new KeyValuePair<string, object?>("region", r.Key)));
}
