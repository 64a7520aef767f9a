using Akka.Actor;
using MediaPlatform.Actors.Images;
using MediaPlatform.Actors.Storage;
using MediaPlatform.Node.Hosting;
using MediaPlatform.Specs.MultiNode;
using MediaPlatform.Specs.Support.MultiNode;
using MediaPlatform.Testing.Images;
using MediaPlatform.Testing.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace MediaPlatform.Specs.Images;

/// <summary>
/// The image stage queues on three whole in-process nodes sharing a journal and a blob directory. A decode whose
/// source is not there yet fails its first attempt (counted, with the reason) and waits in its queue partition for
/// the retry delay (30 s). The node holding that partition is then killed: the partition must start again on a
/// survivor (remembered entity) and offer the job there at once — well before the retry delay could have run out —
/// and the image must complete exactly once, with a late duplicate result changing nothing.
/// </summary>
[Collection(MultiNodeCollection.Name)]
public sealed class ImageQueueFailoverSpecs(ITestOutputHelper output)
{
    private static readonly TimeSpan Ask = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_failed_job_is_counted_and_when_its_queues_node_is_killed_it_is_redone_on_another_node_and_the_image_completes_once()
    {
        await using var cluster = await InProcessNodeCluster.StartAsync(3, "images", extraHocon: """
            media-platform.images { retry-delay = 30s, max-attempts = 5, blur-faces = [avatar] }
            """);
        var imageId = "img-" + Guid.NewGuid().ToString("N");
        var partition = ImageStageQueue.PartitionOf(imageId);
        var images = cluster.Registered<ImageRegions.Images>(0);

        // Submitted as the upload route does, but with no source blob yet: decode's first attempt must fail.
        var submitted = await images.Ask<ImageStageRecorded>(new SubmitImage(imageId, ImageKind.Avatar, "u-1", "u-1", 1, BlurFaces: true), Ask);
        await cluster.Registered<ImageRegions.DecodeQueue>(0).Ask<ImageQueueAck>(new EnqueueImageJob(Assert.Single(submitted.NextJobs)), Ask);
        await Eventually.AwaitAssertAsync(async () =>
        {
            var decode = (await images.Ask<ImageView>(new GetImage(imageId), Ask)).Stages["decode"];
            Assert.Equal((StageStatus.Pending, 1), (decode.Status, decode.Attempts));
            Assert.Contains("not in the blob store", decode.Reason);
        }, TimeSpan.FromSeconds(30));

        var holder = -1;
        for (var node = 0; node < 3 && holder < 0; node++)
            if ((await ShardingProbe.LiveEntitiesAsync(cluster.Registered<ImageRegions.DecodeQueue>(node))).Contains(partition)) holder = node;
        Assert.True(holder >= 0, $"no node hosts decode partition {partition}");
        var survivor = holder == 0 ? 1 : 0;
        output.WriteLine($"decode partition {partition} on node {holder}; killing it, asking node {survivor}");
        await using (var source = new MemoryStream(TestImages.Astronaut()))
            await cluster.Services(survivor).GetRequiredService<IBlobStore>().WriteAsync(ImageBlobKeys.Source(imageId), source);
        await cluster.KillAsync(holder);

        images = cluster.Registered<ImageRegions.Images>(survivor);
        ImageView? view = null;
        // Well under the 30 s retry delay: only a partition restarted on a survivor offers the job this soon.
        await Eventually.AwaitAssertAsync(async () =>
        {
            view = await images.Ask<ImageView>(new GetImage(imageId), Ask);
            Assert.Equal(ImageStatus.Complete, view.Status);
        }, TimeSpan.FromSeconds(25));

        Assert.Equal((StageStatus.Succeeded, 2), (view!.Stages["decode"].Status, view.Stages["decode"].Attempts));
        Assert.All(view.Stages.Values, s => Assert.Contains(s.Status, new[] { StageStatus.Succeeded }));
        Assert.Contains("faces", view.Tags);

        // A late duplicate (a worker that ran the job before the hand-over reporting now) changes nothing.
        var late = await images.Ask<ImageStageRecorded>(new RecordStageSucceeded(imageId, ImageStage.Decode, 1, new ImageStageResult(1, 1, "png")), Ask);
        Assert.Empty(late.NextJobs);
        var after = await images.Ask<ImageView>(new GetImage(imageId), Ask);
        Assert.Equal((ImageStatus.Complete, 512, 2), (after.Status, after.Width, after.Stages["decode"].Attempts));
    }
}
