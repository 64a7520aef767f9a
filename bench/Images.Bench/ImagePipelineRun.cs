using System.Diagnostics;
using Akka.Actor;
using MediaPlatform.Actors.Images;
using MediaPlatform.Actors.Storage;
using MediaPlatform.Node.Hosting;
using MediaPlatform.Testing.Nodes;
using Microsoft.Extensions.DependencyInjection;

namespace MediaPlatform.Bench.Images;

/// <summary>
/// The whole pipeline on an in-process cluster: each upload stored and submitted as the upload route does (source
/// blob, SubmitImage, decode job queued), spread over the nodes' regions; timed until every image is complete
/// (polled every 20 ms).
/// </summary>
public static class ImagePipelineRun
{
    private static readonly TimeSpan Ask = TimeSpan.FromSeconds(30);

    public static async Task<TimeSpan> RunAsync(InProcessNodeCluster cluster, int nodes, IReadOnlyList<byte[]> uploads)
    {
        var store = cluster.Services(0).GetRequiredService<IBlobStore>();
        var ids = new List<string>();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < uploads.Count; i++)
        {
            var node = i % nodes;
            var imageId = "img-" + Guid.NewGuid().ToString("N");
            using (var source = new MemoryStream(uploads[i])) await store.WriteAsync(ImageBlobKeys.Source(imageId), source);
            var recorded = await cluster.Registered<ImageRegions.Images>(node)
                .Ask<ImageStageRecorded>(new SubmitImage(imageId, ImageKind.Artwork, "bench", "bench", uploads[i].Length, BlurFaces: true), Ask);
            await cluster.Registered<ImageRegions.DecodeQueue>(node).Ask<ImageQueueAck>(new EnqueueImageJob(recorded.NextJobs.Single()), Ask);
            ids.Add(imageId);
        }
        var images = cluster.Registered<ImageRegions.Images>(0);
        var pending = new HashSet<string>(ids);
        while (pending.Count > 0)
        {
            foreach (var id in pending.ToList())
            {
                var view = await images.Ask<ImageView>(new GetImage(id), Ask);
                if (view.Status == ImageStatus.Failed) throw new InvalidOperationException($"{id} failed: {view.Reason}");
                if (view.Status == ImageStatus.Complete) pending.Remove(id);
            }
            if (pending.Count > 0) await Task.Delay(20);
        }
        return watch.Elapsed;
    }
}
