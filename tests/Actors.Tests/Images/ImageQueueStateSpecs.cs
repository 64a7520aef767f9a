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

    private static IReadOnlyList<IImageQueueEvent> Events(Decision<IImageQueueEvent> d) => Assert.IsType<Decision<IImageQueueEvent>.Accepted>(d).Events;

    private static ImageQueueState Apply(ImageQueueState s, Decision<IImageQueueEvent> d) => Events(d).Aggregate(s, (state, e) => state.Apply(e));
}
