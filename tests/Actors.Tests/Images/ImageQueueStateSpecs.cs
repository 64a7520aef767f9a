using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Images;

namespace MediaPlatform.Actors.Tests.Images;

public sealed class ImageQueueStateSpecs
{
    private static readonly ImageJob Job = new("img-1", ImageStage.Detect, ImageBlobKeys.Normalised("img-1"), []);

    [Fact]
    public void A_job_is_held_once_however_often_it_is_enqueued()
    {
        var s = Apply(ImageQueueState.Empty, ImageQueueState.Empty.Handle(new EnqueueImageJob(Job)));

        Assert.Empty(Events(s.Handle(new EnqueueImageJob(Job))));
        Assert.Single(s.Jobs);
    }

    [Fact]
    public void A_failed_attempt_is_counted_once_and_completion_forgets_the_job()
    {
        var s = Apply(ImageQueueState.Empty, ImageQueueState.Empty.Handle(new EnqueueImageJob(Job)));
        s = Apply(s, s.Handle(new RetryImageJob("img-1", 1, "disk full")));
        Assert.Equal(1, s.Jobs["img-1"].FailedAttempts);

        Assert.Empty(Events(s.Handle(new RetryImageJob("img-1", 1, "disk full")))); // the same report twice
        s = Apply(s, s.Handle(new CompleteImageJob("img-1", 2)));

        Assert.Empty(s.Jobs);
        Assert.Empty(Events(s.Handle(new CompleteImageJob("img-1", 2))));
    }

    [Fact]
    public void Uploads_are_offered_before_title_frames_whatever_their_ids_and_frames_fill_what_is_left()
    {
        var frame = ImageIds.Frame("t-1", TimeSpan.FromSeconds(5));
        var upload = ImageIds.Upload();
        var s = ImageQueueState.Empty;
        foreach (var id in new[] { frame, upload, "img-0" })
            s = Apply(s, s.Handle(new EnqueueImageJob(Job with { ImageId = id })));
        Assert.True(string.CompareOrdinal(frame, upload) < 0, "the frame sorts first by id");

        Assert.Equal(["img-0", upload, frame], s.Offerable(_ => true).Select(j => j.Job.ImageId));
        Assert.Equal([frame], s.Offerable(j => !j.Job.ImageId.StartsWith("img-")).Select(j => j.Job.ImageId));
        Assert.True(ImageIds.IsFrame(frame) && !ImageIds.IsFrame(upload));
        Assert.Equal(frame, ImageIds.Frame("t-1", TimeSpan.FromSeconds(5))); // handed over again: the same image
        Assert.NotEqual(frame, ImageIds.Frame("t-2", TimeSpan.FromSeconds(5)));
    }

    private static IReadOnlyList<IImageQueueEvent> Events(Decision<IImageQueueEvent> d) => Assert.IsType<Decision<IImageQueueEvent>.Accepted>(d).Events;

    private static ImageQueueState Apply(ImageQueueState s, Decision<IImageQueueEvent> d) => Events(d).Aggregate(s, (state, e) => state.Apply(e));
}
