using Akka.Actor;
using Akka.Cluster;
using Akka.DistributedData;
using MediaPlatform.Actors.Entities;

namespace MediaPlatform.Node.Api.Trending;

/// <summary>
/// This node's view counter: each new view (a "started watching" report this node served) increments the replicated
/// counters at once (written locally, gossiped to the others). Every <see cref="TrendingSettings.PruneInterval"/> it
/// drops buckets older than their window. The durable daily counts are not kept here: the views projection counts the
/// same views from the watch histories' journal events.
/// </summary>
public sealed class TrendingRecorder : ReceiveActor, IWithTimers
{
    /// <summary>A new view of a title began at <paramref name="At"/>.</summary>
    public sealed record ViewStarted(string TitleId, DateTimeOffset At);

    private sealed class Prune
    {
        public static readonly Prune Instance = new();
    }

    private readonly IClock _clock;
    private readonly IActorRef _replicator;
    private readonly Cluster _cluster;

    public TrendingRecorder(TrendingSettings settings, IClock clock)
    {
        _clock = clock;
        _replicator = DistributedData.Get(Context.System).Replicator;
        _cluster = Cluster.Get(Context.System);
        Receive<ViewStarted>(Count);
        Receive<Prune>(_ => PruneStale());
        Receive<IUpdateResponse>(_ => { });
        Timers!.StartPeriodicTimer("prune", Prune.Instance, settings.PruneInterval);
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props PropsFor(TrendingSettings settings, IClock clock) => Props.Create(() => new TrendingRecorder(settings, clock));

    private void Count(ViewStarted view)
    {
        foreach (var buckets in TrendingBuckets.All)
        {
            var entry = buckets.Entry(view.At, view.TitleId);
            _replicator.Tell(Dsl.Update(buckets.Key, ORDictionary<string, GCounter>.Empty, WriteLocal.Instance,
                map => map.AddOrUpdate(_cluster, entry, GCounter.Empty, counter => counter.Increment(_cluster))));
        }
    }

    private void PruneStale()
    {
        var now = _clock.Now;
        foreach (var buckets in TrendingBuckets.All)
            _replicator.Tell(Dsl.Update(buckets.Key, ORDictionary<string, GCounter>.Empty, WriteLocal.Instance, map =>
            {
                var stale = map.Entries.Keys.Where(k => TrendingBuckets.Parse(k) is not { } p || buckets.Stale(p.Bucket, now)).ToList();
                return stale.Aggregate(map, (m, k) => m.Remove(_cluster, k));
            }));
    }
}
