using Akka.Cluster.Hosting;
using Akka.Cluster.Sharding;
using Akka.Configuration;
using Akka.Hosting;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Images;
using MediaPlatform.Actors.Sharding;
using MediaPlatform.Actors.Storage;
using MediaPlatform.Node.Configuration;

namespace MediaPlatform.Node.Hosting;

/// <summary>
/// The image pipeline: this node's worker pool, the image entities (the join), one sharded work queue per stage, and
/// the catalog searches read. The queue regions remember their entities, so a partition whose node dies starts again
/// on another node and offers its held jobs there (a finished partition stays up: a few dozen idle actors per stage).
/// </summary>
public static class ImageHosting
{
    public static AkkaConfigurationBuilder WithImagePipeline(this AkkaConfigurationBuilder builder, NodeSettings settings, IClock clock)
    {
        var images = settings.Images;
        builder
            .AddHocon(PersistenceHosting.EventAdapterHocon(ImageEventTagger.JournalHocon), HoconAddMode.Prepend)
            // The pool first: each queue partition's props take it. It finds the regions through the registry when a
            // job runs (they are registered right after it).
            .WithActors((system, registry, resolver) =>
            {
                var runner = new ImageStageRunner(resolver.GetService<IBlobStore>(), images);
                var subjects = new ImageSubjects(() => registry.Get<EntityRegions.Titles>(), () => registry.Get<EntityRegions.Users>(), system.Log);
                var execution = new ImageJobExecution(runner, images, () => registry.Get<ImageRegions.Images>(), stage => ImageRegions.Queue(registry, stage), subjects);
                registry.Register<ImageRegions.Workers>(system.ActorOf(ImageWorkerPool.PropsFor(execution, images), ImageWorkerPool.Name));
            })
            .WithShardRegion<ImageRegions.Images>(ImageEntity.TypeName, (_, _, _) => imageId => ImageEntity.PropsFor(imageId, settings.Entities, clock),
                new EntityMessageExtractor<IImageCommand>(m => m.ImageId), new ShardOptions());
        builder = WithQueue<ImageRegions.DecodeQueue>(builder, ImageStage.Decode, settings, clock);
        builder = WithQueue<ImageRegions.DetectQueue>(builder, ImageStage.Detect, settings, clock);
        builder = WithQueue<ImageRegions.TagQueue>(builder, ImageStage.Tag, settings, clock);
        builder = WithQueue<ImageRegions.BlurQueue>(builder, ImageStage.Blur, settings, clock);
        builder = WithQueue<ImageRegions.ResizeQueue>(builder, ImageStage.Resize, settings, clock);
        return builder.WithActors((system, registry) => registry.Register<ImageRegions.Catalog>(system.ActorOf(ImageCatalog.PropsFor(
            () => PersistenceQuery.Get(system).ReadJournalFor<SqlReadJournal>(SqlReadJournal.Identifier)), ImageCatalog.Name)));
    }

    public static IServiceCollection AddImageServices(this IServiceCollection services) =>
        services.AddSingleton<Api.Images.ImageUploadContext>();

    private static AkkaConfigurationBuilder WithQueue<TKey>(AkkaConfigurationBuilder builder, ImageStage stage, NodeSettings settings, IClock clock) =>
        builder.WithShardRegion<TKey>(ImageStageQueue.TypeName(stage), (_, registry, _) =>
            {
                var workers = registry.Get<ImageRegions.Workers>();
                return partition => ImageStageQueue.PropsFor(stage, partition, workers, settings.Images, settings.Entities, clock);
            },
            // Routed by partition (the image id's hash): the extractor's entity id is the partition itself.
            new EntityMessageExtractor<IImageQueueCommand>(m => ImageStageQueue.PartitionOf(m.ImageId)),
            new ShardOptions { RememberEntities = true, RememberEntitiesStore = RememberEntitiesStore.Eventsourced });
}
