using Akka.Cluster.Hosting;
using Akka.Cluster.Sharding;
using Akka.Configuration;
using Akka.Event;
using Akka.Hosting;
using MediaPlatform.Actors.Billing.Plans;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Projections;
using MediaPlatform.Actors.Projections.Catalog;
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

/// <summary>
/// Titles: the sharded title entities, the listing over the catalog read model, and the blob store uploads and
/// playback go through (a directory, shared by the local nodes: --blob-dir).
/// </summary>
public static class TitleHosting
{
    public static IServiceCollection AddTitleServices(this IServiceCollection services, NodeOptions options)
    {
        services.TryAddSingleton<IBlobStore>(_ => new DirectoryBlobStore(options.BlobDirectory));
        services.AddSingleton<PublishedTitles>();
        // GET /api/titles reads the catalog read model (AddReadModels registers its schema).
        services.AddSingleton(sp => new CatalogListing(sp.GetRequiredService<ReadModelSchema>()));
        services.AddSingleton<PlaybackEntitlements>();
        services.AddSingleton<SubtitleRenditions>();
        return services;
    }

    /// <summary>
    /// The pipelines that drive uploaded titles to published. The region remembers its entities (in the journal, like
    /// the friendships), so a pipeline whose node dies is started again elsewhere and carries on; a finished one
    /// passivates and is forgotten. Needs the transcode queue's proxy (<see cref="WorkHosting"/>).
    /// </summary>
    public static AkkaConfigurationBuilder WithTitlePipelines(this AkkaConfigurationBuilder builder, NodeOptions options, NodeSettings settings) => builder
        .WithShardRegion<EntityRegions.Pipelines>(TitlePipeline.TypeName, (system, registry, resolver) =>
            {
                var priority = FfmpegPriority.Runner(settings.Transcode);
                var store = resolver.GetService<IBlobStore>();
                // A published title's sampled frames go through the image pipeline (its regions are registered before this one).
                var frames = new MediaPlatform.Actors.Images.TitleFrameImages(store, settings.Images, () => registry.Get<ImageRegions.Images>(),
                    stage => ImageRegions.Queue(registry, stage));
                var context = new PipelineContext(registry.Get<EntityRegions.Titles>(), registry.Get<EntityRegions.TranscodeCoordinatorProxy>(),
                    store, settings.Pipeline, options.WorkDirectory, priority, LocalSteps.For(system), frames);
                return titleId => TitlePipeline.PropsFor(titleId, context);
            },
            new EntityMessageExtractor<ITitlePipelineCommand>(m => m.TitleId),
            new ShardOptions { RememberEntities = true, RememberEntitiesStore = RememberEntitiesStore.Eventsourced });

    public static AkkaConfigurationBuilder WithTitleEntities(this AkkaConfigurationBuilder builder, NodeSettings settings, IClock clock) => builder
        // Title events are tagged in the journal so the catalog projection reads them with one query.
        .AddHocon(PersistenceHosting.EventAdapterHocon(TitleEventTagger.JournalHocon), HoconAddMode.Prepend)
        .WithShardRegion<EntityRegions.Titles>(TitleEntity.TypeName, (_, _, _) => titleId => TitleEntity.PropsFor(titleId, settings.Entities, clock),
            new EntityMessageExtractor<ITitleCommand>(m => m.TitleId), new ShardOptions())
        .WithShardRegion<EntityRegions.UploadQuotas>(UploadQuotaEntity.TypeName, (_, _, _) => userId => UploadQuotaEntity.PropsFor(userId, settings.Entities, clock),
            new EntityMessageExtractor<IUploadQuotaCommand>(m => m.UserId), new ShardOptions())
        .WithActors((system, _) =>
        {
            if (!settings.Pricing.RequirePublishedTitle)
                system.Log.Warning("{0} is off: any title id can be ordered (for fault-injection specs only, never in production)",
                    TitlePricing.RequirePublishedPath);
        });
}
