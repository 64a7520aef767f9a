using Akka.Actor;
using Akka.Cluster;

namespace MediaPlatform.Actors.Scheduling.Jobs;

/// <summary>
/// Retention of transcode scratch space: every node keeps its own scratch directory, so the items of a run are the
/// cluster's Up members, and each member's <see cref="ScratchJanitor"/> deletes what is older than the retention.
/// </summary>
public sealed class ScratchRetentionJob(JobSpec spec, ActorSystem system, TimeSpan keepFor) : IRecurringJob
{
    public const string JobName = "scratch-retention";
    public const string Description = "deletes transcode scratch files older than the retention period on every node";
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(30);

    public JobSpec Spec => spec;

    public Task<IReadOnlyList<string>> ListItemsAsync(JobRunContext run, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> members = Cluster.Get(system).State.Members
            .Where(m => m.Status == MemberStatus.Up)
            .Select(m => m.Address.ToString())
            .Order(StringComparer.Ordinal)
            .ToList();
        return Task.FromResult(members);
    }

    public async Task<JobItemOutcome> RunItemAsync(string memberAddress, JobRunContext run, CancellationToken cancellationToken)
    {
        var janitor = system.ActorSelection($"{memberAddress}/user/{ScratchJanitor.Name}");
        var cleaned = await janitor.Ask<ScratchCleaned>(new CleanScratch(keepFor), AskTimeout, cancellationToken);
        return cleaned.Error is { } error
            ? JobItemOutcome.Failed(error)
            : JobItemOutcome.Done(cleaned.Deleted > 0 ? "cleaned" : "nothing-old");
    }
}
