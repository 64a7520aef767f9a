using Akka.Actor;
using Akka.Hosting;
using MediaPlatform.Actors.Work;
using MediaPlatform.Node.Api;
using MediaPlatform.Node.Hosting;

namespace MediaPlatform.Node.Management;

/// <summary>
/// The transcode work queue over HTTP, on every node (through the coordinator singleton's proxy):
/// GET /cluster/transcode-queue shows queue depth, work in flight per node and per worker, registered workers with
/// their capacity, and the batches held; GET /cluster/transcode-queue/batches/{batchId} one batch with every item;
/// GET /cluster/encodes/timeline[?batch=id] the recent encodes per worker slot (when each attempt started and ended),
/// kept in the coordinator's memory only; GET /cluster/local-steps this node's limiter of heavy local steps (prepare,
/// quality control, packaging): its limit, what runs and waits now, and the recent steps with their waits.
/// </summary>
public static class TranscodeQueueRoutes
{
    public static IEndpointRouteBuilder MapTranscodeQueueRoutes(this IEndpointRouteBuilder app)
    {
        var queue = app.MapGroup("/cluster/transcode-queue").WithTags("cluster");
        queue.MapGet("/", (IRequiredActor<EntityRegions.TranscodeCoordinatorProxy> coordinator, CancellationToken ct) =>
            coordinator.ActorRef.AskAsync<QueueStatus>(GetQueueStatus.Instance, ct, Results.Ok)).WithName("GetTranscodeQueue");
        queue.MapGet("/batches/{batchId}", (string batchId, IRequiredActor<EntityRegions.TranscodeCoordinatorProxy> coordinator, CancellationToken ct) =>
            coordinator.ActorRef.AskAsync<BatchStatus>(new GetBatchStatus(batchId), ct, Results.Ok)).WithName("GetTranscodeBatch");
        app.MapGet("/cluster/encodes/timeline", (string? batch, IRequiredActor<EntityRegions.TranscodeCoordinatorProxy> coordinator, CancellationToken ct) =>
                coordinator.ActorRef.AskAsync<EncodeTimelineView>(new GetEncodeTimeline(string.IsNullOrWhiteSpace(batch) ? null : batch), ct, Results.Ok))
            .WithTags("cluster").WithName("GetEncodeTimeline");
        app.MapGet("/cluster/local-steps", (ActorSystem system) => Results.Ok(LocalSteps.For(system).View()))
            .WithTags("cluster").WithName("GetLocalSteps");
        return app;
    }
}
