using Akka.Cluster.Hosting;
using Akka.Cluster.Sharding;
using Akka.Configuration;
using Akka.Event;
using Akka.Hosting;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using MediaPlatform.Actors.Billing.Plans;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Sharding;
using MediaPlatform.Actors.Storage;
using MediaPlatform.Actors.Titles.Pipeline;
using MediaPlatform.Actors.Titles;
using MediaPlatform.Actors.Titles.Quotas;
using MediaPlatform.Actors.Work;
using MediaPlatform.Node.Api.Titles;
using MediaPlatform.Node.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MediaPlatform.Node.Hosting;

/// <summary>Keys of the titles' actors; HTTP handlers take <c>IRequiredActor&lt;TKey&gt;</c>.</summary>
public static class TitleRegions
{
    /// <summary>The shard region of the title entities.</summary>
    public sealed class Titles;

    /// <summary>This node's <see cref="TitleCatalog"/> (listing and search).</summary>
    public sealed class Catalog;

    /// <summary>The shard region of the title pipelines (one per title being transcoded).</summary>
    public sealed class Pipelines;

    /// <summary>The shard region of the per-user upload quotas (stored bytes, titles transcoding at once).</summary>
    public sealed class UploadQuotas;
}

/// <summary>
/// Titles: the sharded title entities, the catalog every node keeps for listing, and the blob store uploads and
/// playback go through (a directory, shared by the local nodes: --blob-dir).
/// </summary>
public static class TitleHosting
{
    /// <summary>Where Akka.Persistence.Sql.Hosting puts the default journal's settings.</summary>
    public const string JournalPath = "akka.persistence.journal.sql";

    public static IServiceCollection AddTitleServices(this IServiceCollection services, NodeOptions options)
    {
        services.TryAddSingleton<IBlobStore>(_ => new DirectoryBlobStore(options.BlobDirectory));
        services.AddSingleton(sp => TitleSettings.From(sp.GetRequiredService<Akka.Actor.ActorSystem>().Settings.Config));
        services.AddSingleton(sp => PipelineSettings.From(sp.GetRequiredService<Akka.Actor.ActorSystem>().Settings.Config));
        services.AddSingleton<PublishedTitles>();
        return services;
    }

    /// <summary>
    /// The pipelines that drive uploaded titles to published. The region remembers its entities (in the journal, like
    /// the friendships), so a pipeline whose node dies is started again elsewhere and carries on; a finished one
    /// passivates and is forgotten. Needs the transcode queue's proxy (<see cref="WorkHosting"/>).
    /// </summary>
    public static AkkaConfigurationBuilder WithTitlePipelines(this AkkaConfigurationBuilder builder, NodeOptions options) => builder
        .WithShardRegion<TitleRegions.Pipelines>(TitlePipeline.TypeName, (system, registry, resolver) =>
            {
                var settings = PipelineSettings.From(system.Settings.Config);
                var priority = FfmpegPriority.Runner(TranscodeSettings.From(system));
                var context = new PipelineContext(registry.Get<TitleRegions.Titles>(), registry.Get<TranscodeCoordinatorProxy>(),
                    resolver.GetService<IBlobStore>(), settings, options.WorkDirectory, priority);
                return titleId => TitlePipeline.PropsFor(titleId, context);
            },
            new EntityMessageExtractor<ITitlePipelineCommand>(m => m.TitleId),
            new ShardOptions { RememberEntities = true, RememberEntitiesStore = RememberEntitiesStore.Eventsourced });

    public static AkkaConfigurationBuilder WithTitleEntities(this AkkaConfigurationBuilder builder, IClock clock) => builder
        // Title events are tagged in the journal so the catalog reads them with one query.
        .AddHocon(ConfigurationFactory.ParseString(TitleEventTagger.JournalHocon(JournalPath)), HoconAddMode.Prepend)
        .WithShardRegion<TitleRegions.Titles>(TitleEntity.TypeName, (system, _, _) =>
            {
                var settings = EntitySettings.From(system);
                return titleId => TitleEntity.PropsFor(titleId, settings, clock);
            },
            new EntityMessageExtractor<ITitleCommand>(m => m.TitleId), new ShardOptions())
        .WithShardRegion<TitleRegions.UploadQuotas>(UploadQuotaEntity.TypeName, (system, _, _) =>
            {
                var settings = EntitySettings.From(system);
                return userId => UploadQuotaEntity.PropsFor(userId, settings, clock);
            },
            new EntityMessageExtractor<IUploadQuotaCommand>(m => m.UserId), new ShardOptions())
        .WithActors((system, registry) =>
        {
            // A bad titles setting stops the node now rather than failing the first upload.
            TitleSettings.From(system.Settings.Config);
            if (!TitlePricing.From(system.Settings.Config).RequirePublishedTitle)
                system.Log.Warning("{0} is off: any title id can be ordered (for fault-injection specs only, never in production)",
                    TitlePricing.RequirePublishedPath);
            var catalog = system.ActorOf(TitleCatalog.PropsFor(
                () => PersistenceQuery.Get(system).ReadJournalFor<SqlReadJournal>(SqlReadJournal.Identifier)), TitleCatalog.Name);
            registry.Register<TitleRegions.Catalog>(catalog);
        });
}
