using Akka.Actor;
using MediaPlatform.Actors.Work;

namespace MediaPlatform.Actors.Scheduling.Jobs;

/// <summary>
/// The stale-work reaper: asks the transcode coordinator to re-queue work whose worker went silent. The coordinator
/// also reaps on its own timer; this job makes the sweep visible in the scheduler's history (how much was re-queued)
/// and keeps it running on the schedule an operator controls (pause, trigger).
/// </summary>
public sealed class TranscodeReaperJob(JobSpec spec, IActorRef coordinator) : IRecurringJob
{
    public const string JobName = "transcode-reaper";
    public const string Description = "re-queues transcode work whose worker has gone silent";
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(10);

    public JobSpec Spec => spec;

    public Task<IReadOnlyList<string>> ListItemsAsync(JobRunContext run, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([TranscodeCoordinator.Name]);

    public async Task<JobItemOutcome> RunItemAsync(string item, JobRunContext run, CancellationToken cancellationToken) =>
        await coordinator.Ask<object>(ReapStaleWork.Instance, AskTimeout, cancellationToken) switch
        {
            ReapResult { Requeued.Count: 0 } => JobItemOutcome.Done("nothing-stale"),
            ReapResult => JobItemOutcome.Done("requeued"),
            var other => JobItemOutcome.Failed($"unexpected answer {other.GetType().Name}"),
        };
}
