using System.Diagnostics.Metrics;
using Akka.Actor;
using Akka.Cluster;
using MediaPlatform.Actors.Observability;
using MediaPlatform.Node.Management;

namespace MediaPlatform.Node.Observability;

/// <summary>
/// This node's view of the cluster, read from Akka's cluster state at each scrape: members by status, unreachable
/// members, whether this node is the leader, and the singletons it hosts (they run on the oldest Up member).
/// </summary>
public sealed class ClusterMetrics : IHostedService
{
    /// <summary>Every status is reported (0 when none), so a series does not vanish when its last member changes status.</summary>
    private static readonly (MemberStatus Status, string Label)[] Statuses =
    [
        (MemberStatus.Joining, "joining"), (MemberStatus.WeaklyUp, "weakly_up"), (MemberStatus.Up, "up"),
        (MemberStatus.Leaving, "leaving"), (MemberStatus.Exiting, "exiting"), (MemberStatus.Down, "down"),
        (MemberStatus.Removed, "removed"),
    ];

    private readonly IServiceProvider _services;
    private Cluster? _cluster;

    public ClusterMetrics(IMeterFactory meters, IServiceProvider services)
    {
        _services = services;
        var meter = meters.Create(MeterNames.Cluster);
        meter.CreateObservableGauge("media_platform.cluster.members", MembersByStatus, "{member}",
            "Cluster members this node sees, by status.");
        meter.CreateObservableGauge("media_platform.cluster.unreachable_members", Unreachable, "{member}",
            "Members this node's failure detector marks unreachable.");
        meter.CreateObservableGauge("media_platform.cluster.leader", IsLeader, "1",
            "1 when this node is the cluster leader, else 0.");
        meter.CreateObservableGauge("media_platform.cluster.singletons", SingletonsHere, "{singleton}",
            "Cluster singletons running on this node (the oldest Up member hosts all of them).");
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _cluster = Cluster.Get(_services.GetRequiredService<ActorSystem>());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private IEnumerable<Measurement<int>> MembersByStatus()
    {
        if (_cluster is not { } cluster) yield break;
        var members = cluster.State.Members;
        foreach (var (status, label) in Statuses)
            yield return new Measurement<int>(members.Count(m => m.Status == status), new KeyValuePair<string, object?>("status", label));
    }

    private IEnumerable<Measurement<int>> Unreachable()
    {
        if (_cluster is { } cluster) yield return new Measurement<int>(cluster.State.Unreachable.Count);
    }

    private IEnumerable<Measurement<int>> IsLeader()
    {
        if (_cluster is { } cluster) yield return new Measurement<int>(cluster.State.Leader == cluster.SelfAddress ? 1 : 0);
    }

    private IEnumerable<Measurement<int>> SingletonsHere()
    {
        if (_cluster is not { } cluster) yield break;
        var oldest = cluster.State.Members.Where(m => m.Status is MemberStatus.Up or MemberStatus.Leaving)
            .OrderBy(m => m, Member.AgeOrdering).FirstOrDefault();
        yield return new Measurement<int>(oldest?.Address == cluster.SelfAddress ? SingletonRoutes.KnownSingletons.Count : 0);
    }
}
