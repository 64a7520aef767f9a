using System.Collections.Immutable;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Actors.Images;

/// <summary>
/// The jobs one partition of one stage's queue holds until they are done. Delivery is at least once: a job stays here
/// until the image has recorded its result, so a worker that dies mid-job (or the node under the queue) costs a rerun,
/// never a lost job. Which job is out with which worker is the actor's business (leases are not stored: after a
/// restart every held job is offered again).
/// </summary>
[Manifest("image-queue.state.v1")]
public sealed record ImageQueueState(ImmutableSortedDictionary<string, QueuedImageJob> Jobs) : IEntityState<ImageQueueState, IImageQueueEvent>, IProtocolMessage
{
    public static readonly ImageQueueState Empty = new(ImmutableSortedDictionary<string, QueuedImageJob>.Empty);

    public Decision<IImageQueueEvent> Handle(IImageQueueCommand command) => command switch
    {
        EnqueueImageJob c when Jobs.ContainsKey(c.ImageId) => Ack(c.ImageId),
        EnqueueImageJob c => Decide.Persist(this, new ImageJobQueued(c.Job), _ => new ImageQueueAck(c.ImageId)),
        CompleteImageJob c when !Jobs.ContainsKey(c.ImageId) => Ack(c.ImageId),
        CompleteImageJob c => Decide.Persist(this, new ImageJobCompleted(c.ImageId), _ => new ImageQueueAck(c.ImageId)),
        // A retry for an attempt already counted (a duplicate report) counts nothing.
        RetryImageJob c when !Jobs.TryGetValue(c.ImageId, out var held) || c.Attempt <= held.FailedAttempts => Ack(c.ImageId),
        RetryImageJob c => Decide.Persist(this, new ImageJobAttemptFailed(c.ImageId, c.Attempt), _ => new ImageQueueAck(c.ImageId)),
        GetImageQueue => Decide.Reply<IImageQueueEvent>(new ImageQueueView(Jobs.ToDictionary(j => j.Key, j => j.Value.FailedAttempts))),
        _ => Decide.Reject<IImageQueueEvent>(Rejection.Invalid($"unknown image queue command {command.GetType().Name}")),
    };

    public ImageQueueState Apply(IImageQueueEvent @event) => @event switch
    {
        ImageJobQueued e => this with { Jobs = Jobs.SetItem(e.Job.ImageId, new QueuedImageJob(e.Job, 0)) },
        ImageJobCompleted e => this with { Jobs = Jobs.Remove(e.ImageId) },
        ImageJobAttemptFailed e when Jobs.TryGetValue(e.ImageId, out var held) => this with { Jobs = Jobs.SetItem(e.ImageId, held with { FailedAttempts = e.Attempt }) },
        _ => this,
    };

    /// <summary>
    /// The held jobs in the order they are offered: uploads (someone is waiting for them) before title frames
    /// (background work, <see cref="ImageIds.IsFrame"/>), each in image-id order; only those <paramref name="free"/> accepts.
    /// </summary>
    public IEnumerable<QueuedImageJob> Offerable(Func<QueuedImageJob, bool> free) =>
        Jobs.Values.Where(j => free(j) && !ImageIds.IsFrame(j.Job.ImageId))
            .Concat(Jobs.Values.Where(j => free(j) && ImageIds.IsFrame(j.Job.ImageId)));

    private static Decision<IImageQueueEvent> Ack(string imageId) => Decide.Reply<IImageQueueEvent>(new ImageQueueAck(imageId));
}
