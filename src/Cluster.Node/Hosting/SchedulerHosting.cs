using Akka.Cluster.Hosting;
using Akka.Hosting;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Scheduling;
using MediaPlatform.Actors.Scheduling.Jobs;
using MediaPlatform.Node.Configuration;

namespace MediaPlatform.Node.Hosting;

/// <summary>
/// The recurring scheduler: a cluster singleton (it runs on the oldest node; every node has a proxy to it) and, on
/// every node, the scratch janitor the retention job asks. Registered after the shard regions and the transcode
/// coordinator's proxy its jobs send to.
/// </summary>
public static class SchedulerHosting
{
    /// <summary>The scheduler's bulkhead (config/akka.hocon): its own thread, apart from API entities and media work.</summary>
    public const string Dispatcher = "akka.actor.scheduler-dispatcher";

    public static AkkaConfigurationBuilder WithNodeScheduler(this AkkaConfigurationBuilder builder, NodeOptions options, NodeSettings settings, IClock clock) => builder
        .WithActors((system, _) => system.ActorOf(ScratchJanitor.PropsFor(options.ScratchDirectory, clock), ScratchJanitor.Name))
        .WithSingleton<EntityRegions.SchedulerProxy>(RecurringScheduler.Name, (system, registry, _) =>
        {
            var targets = new JobTargets(registry.Get<EntityRegions.BillingAccounts>(), registry.Get<EntityRegions.Coupons>(),
                registry.Get<EntityRegions.EmailReservations>(), registry.Get<EntityRegions.TranscodeCoordinatorProxy>());
            var jobs = JobCatalog.Build(system, targets, () => PersistenceQuery.Get(system).ReadJournalFor<SqlReadJournal>(SqlReadJournal.Identifier));
            return RecurringScheduler.PropsFor(jobs, settings.Scheduler, settings.Entities, clock).WithDispatcher(Dispatcher);
        }, new ClusterSingletonOptions(), createProxyToo: true);
}
