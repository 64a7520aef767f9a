using Akka.Actor;
using Akka.Streams;
using MediaPlatform.Streams.Pipeline;

namespace MediaPlatform.Actors.Work;

/// <summary>
/// The node's one <see cref="LocalStepQueue"/> (an actor-system extension): every title pipeline on the node runs its
/// heavy local steps through it, at most <c>media-platform.transcode.max-concurrent-local-steps</c> at once.
/// </summary>
public sealed class LocalSteps : ExtensionIdProvider<LocalStepQueue>
{
    private static readonly LocalSteps Id = new();

    public static LocalStepQueue For(ActorSystem system) => Id.Apply(system);

    public override LocalStepQueue CreateExtension(ExtendedActorSystem system)
    {
        var queue = new LocalStepQueue(system.Materializer(namePrefix: "local-steps"), TranscodeSettings.From(system).MaxConcurrentLocalSteps);
        system.RegisterOnTermination(queue.Shutdown);
        return queue;
    }
}
