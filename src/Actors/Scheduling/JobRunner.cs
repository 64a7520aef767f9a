using Akka;
using Akka.Actor;
using Akka.Streams;
using Akka.Streams.Dsl;

namespace MediaPlatform.Actors.Scheduling;

/// <summary>
/// Carries out one run as a stream: list the items, skip those up to the run's cursor, work through the rest with
/// bounded parallelism (in order, so a checkpoint's cursor means "everything up to here is done"), and every
/// <see cref="SchedulerSettings.CheckpointEvery"/> items ask the scheduler to store a checkpoint before going on.
/// </summary>
public static class JobRunner
{
    /// <summary>How a runner ended: <see cref="Error"/> is null when every item was worked through.</summary>
    public sealed record Completion(int Total, Exception? Error);

    public static (UniqueKillSwitch KillSwitch, Task<Completion> Completion) Start(
        IRecurringJob job, JobRun run, JobRunContext context, IActorRef scheduler, SchedulerSettings settings, IMaterializer materializer)
    {
        var cancellation = new CancellationTokenSource();
        var total = 0;
        var items = Source.Single(NotUsed.Instance)
            .SelectAsync(1, _ => job.ListItemsAsync(context, cancellation.Token))
            .SelectMany(all =>
            {
                total = all.Count;
                return run.Cursor is null ? all : all.Where(item => string.CompareOrdinal(item, run.Cursor) > 0);
            });
        if (job.Spec.ItemsPerSecond > 0)
            items = items.Throttle(job.Spec.ItemsPerSecond, TimeSpan.FromSeconds(1), job.Spec.ItemsPerSecond, ThrottleMode.Shaping);

        var (killSwitch, done) = items
            .ViaMaterialized(KillSwitches.Single<string>(), Keep.Right)
            .SelectAsync(settings.ItemParallelism, item => RunItemAsync(job, item, context, settings, cancellation.Token))
            .GroupedWithin(settings.CheckpointEvery, settings.CheckpointInterval)
            .SelectAsync(1, batch => scheduler.Ask<SchedulerAck>(Checkpoint(context, batch.ToList(), total), settings.ItemTimeout))
            .ToMaterialized(Sink.Ignore<SchedulerAck>(), Keep.Both)
            .Run(materializer);

        var completion = done.ContinueWith(t =>
        {
            cancellation.Cancel();
            cancellation.Dispose();
            return new Completion(total, t.IsCompletedSuccessfully ? null : t.Exception?.GetBaseException() ?? new TaskCanceledException());
        }, TaskScheduler.Default);
        return (killSwitch, completion);
    }

    private static async Task<(string Item, JobItemOutcome Outcome)> RunItemAsync(
        IRecurringJob job, string item, JobRunContext context, SchedulerSettings settings, CancellationToken cancellation)
    {
        for (var attempt = 1; ; attempt++)
        {
            JobItemOutcome outcome;
            try
            {
                outcome = await job.RunItemAsync(item, context, cancellation).WaitAsync(settings.ItemTimeout, cancellation);
            }
            catch (Exception e) when (!cancellation.IsCancellationRequested)
            {
                outcome = JobItemOutcome.Failed(e is TimeoutException ? $"no answer within {settings.ItemTimeout}" : e.GetBaseException().Message);
            }
            if (!outcome.IsFailure || !outcome.Retryable || attempt >= settings.ItemAttempts) return (item, outcome);
            await Task.Delay(settings.ItemRetryDelay * attempt, cancellation);
        }
    }

    private static RecordRunProgress Checkpoint(JobRunContext context, IReadOnlyList<(string Item, JobItemOutcome Outcome)> batch, int total)
    {
        var counters = batch.GroupBy(r => r.Outcome.Counter).ToDictionary(g => g.Key, g => g.Count());
        var failures = batch.Where(r => r.Outcome.IsFailure).Take(JobRun.FailuresKept)
            .Select(r => $"{r.Item}: {r.Outcome.Failure}").ToList();
        return new RecordRunProgress(context.Job, context.RunKey, batch[^1].Item, total, batch.Count,
            batch.Count(r => r.Outcome.IsFailure), counters, failures);
    }
}
