using Akka.Actor;
using MediaPlatform.Actors.Images;
using MediaPlatform.Actors.Storage;
using MediaPlatform.Testing;

namespace MediaPlatform.Actors.Tests.Images;

/// <summary>The node's worker pool against queue partitions played by probes: who it asks for a job, and when.</summary>
public sealed class ImageWorkerPoolSpecs : Akka.TestKit.Xunit2.TestKit, IDisposable
{
    private readonly TempDirectory _dir = new("image-pool");

    void IDisposable.Dispose()
    {
        _dir.Dispose();
        Dispose();
    }

    [Fact]
    public void A_free_slot_goes_to_a_partition_holding_uploads_before_those_holding_only_title_frames()
    {
        var settings = ImageSettings.Default with { MaxConcurrentJobsPerNode = 1 };
        var runner = new ImageStageRunner(new DirectoryBlobStore(_dir.Combine("blobs")), settings);
        var execution = new ImageJobExecution(runner, settings, () => TestActor, _ => TestActor);
        var pool = Sys.ActorOf(ImageWorkerPool.PropsFor(execution, settings));
        var (framesFirst, framesLater, uploads) = (CreateTestProbe(), CreateTestProbe(), CreateTestProbe());

        pool.Tell(new ImageWorkAvailable(framesFirst.Ref, Uploads: false));
        framesFirst.ExpectMsg<RequestImageJob>(); // the one slot is asking there now
        pool.Tell(new ImageWorkAvailable(framesLater.Ref, Uploads: false));
        pool.Tell(new ImageWorkAvailable(uploads.Ref, Uploads: true));
        framesFirst.Reply(NoImageJob.Instance);

        uploads.ExpectMsg<RequestImageJob>(); // announced last, asked first (the frames partition before it waits)
        uploads.Reply(NoImageJob.Instance);
        framesLater.ExpectMsg<RequestImageJob>(); // frames once no upload waits
    }
}
