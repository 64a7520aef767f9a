using MediaPlatform.Actors.Images;

namespace MediaPlatform.Node.Hosting;

/// <summary>The image pipeline's registry keys (ImageHosting), beside <see cref="EntityRegions"/>.</summary>
public static class ImageRegions
{
    /// <summary>The shard region of the image entities (one per image: the join of its stages).</summary>
    public sealed class Images;

    /// <summary>This node's image catalog (search by tag and near duplicate); a local actor.</summary>
    public sealed class Catalog;

    /// <summary>This node's pool of image stage workers; a local actor.</summary>
    public sealed class Workers;

    // One shard region per stage's work queue.
    public sealed class DecodeQueue;
    public sealed class DetectQueue;
    public sealed class TagQueue;
    public sealed class BlurQueue;
    public sealed class ResizeQueue;

    /// <summary>The shard region of a stage's queue, from the registry.</summary>
    public static Akka.Actor.IActorRef Queue(Akka.Hosting.IReadOnlyActorRegistry registry, ImageStage stage) => stage switch
    {
        ImageStage.Decode => registry.Get<DecodeQueue>(),
        ImageStage.Detect => registry.Get<DetectQueue>(),
        ImageStage.Tag => registry.Get<TagQueue>(),
        ImageStage.Blur => registry.Get<BlurQueue>(),
        ImageStage.Resize => registry.Get<ResizeQueue>(),
        _ => throw new ArgumentOutOfRangeException(nameof(stage)),
    };
}
