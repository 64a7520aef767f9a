using Akka.Actor;

namespace MediaPlatform.Actors.Images;

/// <summary>
/// One leased job from start to acknowledgement: run the stage, record the outcome on the image, queue the stages
/// that are now ready (or, when the image is complete, tell its title or user), and only then tell the queue the job is done. Any step that does not happen (the node dies,
/// an ask times out) leaves the job leased; its lease runs out and the job is run again, and the image ignores the
/// repeated result, so each step is safe to repeat.
/// </summary>
public sealed class ImageJobExecution(ImageStageRunner runner, ImageSettings settings, Func<IActorRef> images, Func<ImageStage, IActorRef> queues,
    ImageSubjects? subjects = null)
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(10);

    public async Task RunAsync(ImageJobLease lease, CancellationToken ct)
    {
        var (job, attempt) = (lease.Job, lease.Attempt);
        ImageStageRun run;
        try
        {
            run = await runner.RunAsync(job, ct);
        }
        catch (Exception e)
        {
            // Retryable (a missing or damaged blob, a full disk, the job time-out): counted, and offered again unless it
            // was the last attempt.
            await FailedAsync(lease, $"{e.GetType().Name}: {e.Message}", final: attempt >= settings.MaxAttempts);
            return;
        }
        switch (run)
        {
            case ImageStageRun.Succeeded ok:
                var recorded = await AskAsync<ImageStageRecorded>(images(), new RecordStageSucceeded(job.ImageId, job.Stage, attempt, ok.Result));
                foreach (var next in recorded.NextJobs) await AskAsync<ImageQueueAck>(queues(next.Stage), new EnqueueImageJob(next));
                // Nothing left to queue: this may have been the last stage; a complete artwork or avatar is shown by its subject.
                if (recorded.NextJobs.Count == 0 && subjects is not null)
                    await subjects.RecordCompleteAsync(await AskAsync<ImageView>(images(), new GetImage(job.ImageId)));
                await AskAsync<ImageQueueAck>(lease.Queue, new CompleteImageJob(job.ImageId, attempt));
                break;
            case ImageStageRun.Refused refused:
                await FailedAsync(lease, refused.Reason, final: true);
                break;
        }
    }

    private async Task FailedAsync(ImageJobLease lease, string reason, bool final)
    {
        var (job, attempt) = (lease.Job, lease.Attempt);
        await AskAsync<ImageStageRecorded>(images(), new RecordStageFailed(job.ImageId, job.Stage, attempt, reason, final));
        if (final) await AskAsync<ImageQueueAck>(lease.Queue, new CompleteImageJob(job.ImageId, attempt));
        else await AskAsync<ImageQueueAck>(lease.Queue, new RetryImageJob(job.ImageId, attempt, reason));
    }

    private static async Task<T> AskAsync<T>(IActorRef target, object message)
    {
        var answer = await target.Ask<object>(message, AskTimeout);
        return answer is T reply ? reply : throw new InvalidOperationException($"{message.GetType().Name} was answered with {answer}");
    }
}
