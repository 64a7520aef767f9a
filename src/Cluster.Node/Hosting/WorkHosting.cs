using Akka.Actor;
using Akka.Cluster.Hosting;
using Akka.Hosting;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Work;
using MediaPlatform.Node.Configuration;

namespace MediaPlatform.Node.Hosting;

/// <summary>Registry key of the transcode coordinator singleton's proxy (submitters and routes talk to it).</summary>
public sealed class TranscodeCoordinatorProxy;

/// <summary>Registry key of this node's transcode worker.</summary>
public sealed class TranscodeWorkerActor;

/// <summary>
/// The cluster-wide transcode work queue: the coordinator as a cluster singleton (on the oldest node; every node has a
/// proxy to it) and, on every node, a worker that checks in through that proxy and runs at most
/// <c>media-platform.transcode.max-concurrent-jobs</c> ffmpeg encodes. The worker runs on <c>worker-dispatcher</c> (the
/// media dispatcher) and its ffmpeg below normal priority: the bulkhead that keeps encodes from starving heartbeats.
/// </summary>
public static class WorkHosting
{
    public static AkkaConfigurationBuilder WithTranscodeQueue(this AkkaConfigurationBuilder builder, NodeOptions options, IClock clock) => builder
        .WithSingleton<TranscodeCoordinatorProxy>(TranscodeCoordinator.Name,
            (system, _, _) => TranscodeCoordinator.PropsFor(TranscodeSettings.From(system), EntitySettings.From(system), clock),
            new ClusterSingletonOptions(), createProxyToo: true)
        .WithActors((system, registry) =>
        {
            var settings = TranscodeSettings.From(system);
            var props = TranscodeWorker.PropsFor(registry.Get<TranscodeCoordinatorProxy>(), settings, FfmpegPriority.Runner(settings));
            if (settings.WorkerDispatcher.Length > 0) props = props.WithDispatcher(settings.WorkerDispatcher);
            registry.Register<TranscodeWorkerActor>(system.ActorOf(props, TranscodeWorker.Name));
        });
}
