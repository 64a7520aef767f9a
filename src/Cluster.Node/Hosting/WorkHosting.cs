using Akka.Actor;
using Akka.Cluster.Hosting;
using Akka.Hosting;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Work;
using MediaPlatform.Node.Configuration;

namespace MediaPlatform.Node.Hosting;

/// <summary>
/// The cluster-wide transcode work queue: the coordinator as a cluster singleton (on the oldest node; every node has a
/// proxy to it) and, on every node, a worker that checks in through that proxy and runs at most
/// <c>media-platform.transcode.max-concurrent-jobs</c> ffmpeg encodes. The worker runs on <c>worker-dispatcher</c> (the
/// media dispatcher) and its ffmpeg below normal priority: the bulkhead that keeps encodes from starving heartbeats.
/// </summary>
public static class WorkHosting
{
    public static AkkaConfigurationBuilder WithTranscodeQueue(this AkkaConfigurationBuilder builder, NodeSettings settings, IClock clock) => builder
        .WithSingleton<EntityRegions.TranscodeCoordinatorProxy>(TranscodeCoordinator.Name,
            (_, _, _) => TranscodeCoordinator.PropsFor(settings.Transcode, settings.Entities, clock),
            new ClusterSingletonOptions(), createProxyToo: true)
        .WithActors((system, registry) =>
        {
            var transcode = settings.Transcode;
            var props = TranscodeWorker.PropsFor(registry.Get<EntityRegions.TranscodeCoordinatorProxy>(), transcode, FfmpegPriority.Runner(transcode));
            if (transcode.WorkerDispatcher.Length > 0) props = props.WithDispatcher(transcode.WorkerDispatcher);
            registry.Register<EntityRegions.TranscodeWorker>(system.ActorOf(props, TranscodeWorker.Name));
        });
}
