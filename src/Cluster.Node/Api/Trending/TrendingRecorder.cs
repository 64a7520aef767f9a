using Akka.Actor;
using Akka.Cluster;
using Akka.DistributedData;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Trending;

namespace MediaPlatform.Node.Api.Trending;

/// <summary>
/// This node's view counter: each new view (a "started watching" report this node served) increments the replicated
/// counters at once (written locally, gossiped to the others) and is added to a per-title, per-day buffer that goes
/// to the titles' durable daily counts every <see cref="TrendingSettings.FlushInterval"/> — one event per title and
/// node per interval, however many views. The same tick prunes buckets older than their window.
/// </summary>
public sealed class TrendingRecorder : ReceiveActor, IWithTimers
{
    /// <summary>A new view of a title began at <paramref name="At"/>.</summary>
    public sealed record ViewStarted(string TitleId, DateTimeOffset At);

    private sealed class Flush
    {
        public static readonly Flush Instance = new();
    }

    private readonly Dictionary<(string TitleId, DateOnly Day), long> _pending = new();
    private readonly IActorRef _viewCounts;
    private readonly IClock _clock;
    private readonly IActorRef _replicator;
    private readonly Cluster _cluster;

    public TrendingRecorder(IActorRef viewCounts, TrendingSettings settings, IClock clock)
    {
        _viewCounts = viewCounts;
        _clock = clock;
        _replicator = DistributedData.Get(Context.System).Replicator;
        _cluster = Cluster.Get(Context.System);
        Receive<ViewStarted>(Count);
        Receive<Flush>(_ => FlushAndPrune());
        Receive<IUpdateResponse>(_ => { });
        Receive<AddTitleViews>(_ => { });
        Receive<TitleViewCounts>(_ => { });
        Receive<Rejection>(_ => { });
        Timers!.StartPeriodicTimer("flush", Flush.Instance, settings.FlushInterval);
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props PropsFor(IActorRef viewCounts, TrendingSettings settings, IClock clock) =>
        Props.Create(() => new TrendingRecorder(viewCounts, settings, clock));

    private void Count(ViewStarted view)
    {
        foreach (var buckets in TrendingBuckets.All)
        {
            var entry = buckets.Entry(view.At, view.TitleId);
            _replicator.Tell(Dsl.Update(buckets.Key, ORDictionary<string, GCounter>.Empty, WriteLocal.Instance,
                map => map.AddOrUpdate(_cluster, entry, GCounter.Empty, counter => counter.Increment(_cluster))));
        }
        var key = (view.TitleId, DateOnly.FromDateTime(view.At.UtcDateTime));
        _pending[key] = _pending.GetValueOrDefault(key) + 1;
    }

    private void FlushAndPrune()
    {
        foreach (var ((titleId, day), views) in _pending) _viewCounts.Tell(new AddTitleViews(titleId, day, views));
        _pending.Clear();
        var now = _clock.Now;
        foreach (var buckets in TrendingBuckets.All)
            _replicator.Tell(Dsl.Update(buckets.Key, ORDictionary<string, GCounter>.Empty, WriteLocal.Instance, map =>
            {
                var stale = map.Entries.Keys.Where(k => TrendingBuckets.Parse(k) is not { } p || buckets.Stale(p.Bucket, now)).ToList();
                return stale.Aggregate(map, (m, k) => m.Remove(_cluster, k));
            }));
    }
}
