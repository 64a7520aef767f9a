using Akka.Cluster.Hosting;
using Akka.Hosting;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Scheduling;
using MediaPlatform.Actors.Scheduling.Jobs;
using MediaPlatform.Node.Configuration;

namespace MediaPlatform.Node.Hosting;

/// <summary>Registry key of the scheduler singleton's proxy (HTTP handlers take <c>IRequiredActor&lt;SchedulerProxy&gt;</c>).</summary>
public sealed class SchedulerProxy;

/// <summary>
/// The recurring scheduler: a cluster singleton (it runs on the oldest node; every node has a proxy to it) and, on
/// every node, the scratch janitor the retention job asks. Registered after the shard regions and the transcode
/// coordinator's proxy its jobs send to.
/// </summary>
public static class SchedulerHosting
{
    public static AkkaConfigurationBuilder WithNodeScheduler(this AkkaConfigurationBuilder builder, NodeOptions options, IClock clock) => builder
        .WithActors((system, _) => system.ActorOf(ScratchJanitor.PropsFor(options.ScratchDirectory, clock), ScratchJanitor.Name))
        .WithSingleton<SchedulerProxy>(RecurringScheduler.Name, (system, registry, _) =>
        {
            var targets = new JobTargets(registry.Get<EntityRegions.BillingAccounts>(), registry.Get<EntityRegions.Coupons>(),
                registry.Get<EntityRegions.EmailReservations>(), registry.Get<TranscodeCoordinatorProxy>());
            var jobs = JobCatalog.Build(system, targets, () => PersistenceQuery.Get(system).ReadJournalFor<SqlReadJournal>(SqlReadJournal.Identifier));
            return RecurringScheduler.PropsFor(jobs, SchedulerSettings.From(system), EntitySettings.From(system), clock);
        }, new ClusterSingletonOptions(), createProxyToo: true);
}
