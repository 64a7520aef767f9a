using Akka.Actor;
using Akka.Event;

namespace MediaPlatform.Actors.Images;

/// <summary>
/// This node's image workers: at most <see cref="ImageSettings.MaxConcurrentJobsPerNode"/> stage jobs at once, pulled
/// from the queue partitions this node hosts when a slot is free (so a busy node never takes more than it can run,
/// and each stage's partitions share the slots fairly, in the order they announced work; partitions with uploads
/// before those with only title frames, which are background work). The stage itself runs off
/// the actor's thread; a job that overruns the job time-out is cancelled (and counted as a failed attempt).
/// </summary>
public sealed class ImageWorkerPool : ReceiveActor
{
    public const string Name = "image-workers";

    private readonly ImageJobExecution _execution;
    private readonly ImageSettings _settings;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly LinkedList<IActorRef> _withWork = new();
    private readonly LinkedList<IActorRef> _withFramesOnly = new(); // title frames: pulled only when no upload waits
    private int _running;
    private int _asking;

    public ImageWorkerPool(ImageJobExecution execution, ImageSettings settings)
    {
        _execution = execution;
        _settings = settings;
        Receive<ImageWorkAvailable>(available =>
        {
            if (available.Uploads)
            {
                _withFramesOnly.Remove(available.Queue);
                if (!_withWork.Contains(available.Queue)) _withWork.AddLast(available.Queue);
            }
            else if (!_withWork.Contains(available.Queue) && !_withFramesOnly.Contains(available.Queue)) _withFramesOnly.AddLast(available.Queue);
            Pull();
        });
        Receive<ImageJobLease>(lease =>
        {
            _asking--;
            _running++;
            Run(lease);
            Pull();
        });
        Receive<NoImageJob>(_ =>
        {
            _asking--;
            Pull();
        });
        Receive<JobFinished>(finished =>
        {
            _running--;
            if (finished.Error is { } error)
                _log.Warning(error, "image {0}: {1} job not acknowledged; its lease will run out and it runs again", finished.ImageId, finished.Stage.Name());
            Pull();
        });
    }

    public static Props PropsFor(ImageJobExecution execution, ImageSettings settings) => Props.Create(() => new ImageWorkerPool(execution, settings));

    private void Pull()
    {
        while (_running + _asking < _settings.MaxConcurrentJobsPerNode && (_withWork.First ?? _withFramesOnly.First) is { } first)
        {
            first.List!.Remove(first);
            _asking++;
            // A queue that moved away or died mid-ask answers nothing: the ask's time-out frees the slot.
            first.Value.Ask<object>(RequestImageJob.Instance, TimeSpan.FromSeconds(5))
                .ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : NoImageJob.Instance, TaskContinuationOptions.ExecuteSynchronously)
                .PipeTo(Self);
        }
    }

    private void Run(ImageJobLease lease)
    {
        var (execution, timeout) = (_execution, _settings.JobTimeout);
        Task.Run(async () =>
        {
            using var cancel = new CancellationTokenSource(timeout);
            try
            {
                await execution.RunAsync(lease, cancel.Token);
                return new JobFinished(lease.Job.ImageId, lease.Job.Stage, null);
            }
            catch (Exception e)
            {
                return new JobFinished(lease.Job.ImageId, lease.Job.Stage, e);
            }
        }).PipeTo(Self);
    }

    private sealed record JobFinished(string ImageId, ImageStage Stage, Exception? Error);
}
