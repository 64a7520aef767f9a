using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Actors.Images;

/// <summary>
/// Every command a stage queue handles. Routed by image id to one of <see cref="ImageStageQueue.Partitions"/>
/// partitions of the stage's queue, so each stage is spread over the cluster's nodes (not one singleton).
/// </summary>
public interface IImageQueueCommand : IWithEntityId, IProtocolMessage
{
    string ImageId { get; }
    string IWithEntityId.EntityId => ImageStageQueue.PartitionOf(ImageId);
}

/// <summary>Hold this job until a worker has run it; a job already held for the image is not added twice.</summary>
[Manifest("image-queue.enqueue.v1")]
public sealed record EnqueueImageJob(ImageJob Job) : IImageQueueCommand
{
    public string ImageId => Job.ImageId;
}

/// <summary>The job's result is recorded by the image: forget the job.</summary>
[Manifest("image-queue.done.v1")]
public sealed record CompleteImageJob(string ImageId, int Attempt) : IImageQueueCommand;

/// <summary>The attempt failed and more are allowed: offer the job again after the retry delay.</summary>
[Manifest("image-queue.retry.v1")]
public sealed record RetryImageJob(string ImageId, int Attempt, string Reason) : IImageQueueCommand;

[Manifest("image-queue.get.v1")]
public sealed record GetImageQueue(string ImageId) : IImageQueueCommand;

[Manifest("image-queue.ack.v1")]
public sealed record ImageQueueAck(string ImageId) : IProtocolMessage;

/// <summary>The jobs one partition holds (image ids and attempts so far).</summary>
[Manifest("image-queue.view.v1")]
public sealed record ImageQueueView(IReadOnlyDictionary<string, int> Attempts) : IProtocolMessage;

public interface IImageQueueEvent : IProtocolMessage;

[Manifest("image-queue.queued.v1")]
public sealed record ImageJobQueued(ImageJob Job) : IImageQueueEvent;

[Manifest("image-queue.completed.v1")]
public sealed record ImageJobCompleted(string ImageId) : IImageQueueEvent;

[Manifest("image-queue.attempt-failed.v1")]
public sealed record ImageJobAttemptFailed(string ImageId, int Attempt) : IImageQueueEvent;

/// <summary>A held job as stored: the job and how many attempts have failed so far.</summary>
public sealed record QueuedImageJob(ImageJob Job, int FailedAttempts);
