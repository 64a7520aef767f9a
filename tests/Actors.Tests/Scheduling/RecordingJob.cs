using System.Collections.Concurrent;
using MediaPlatform.Actors.Scheduling;
using MediaPlatform.Actors.Scheduling.Schedules;

namespace MediaPlatform.Actors.Tests.Scheduling;

/// <summary>
/// A recurring job whose items are fixed names and whose work records who ran what, so the scheduler's own
/// guarantees (once per period, resume after the checkpoint, pause, trigger) can be observed. <see cref="Gate"/>
/// holds items back while it is closed, to stop a run mid-way.
/// </summary>
public sealed class RecordingJob(string name, string schedule, IReadOnlyList<string> items) : IRecurringJob
{
    public JobSpec Spec { get; } = new(name, "records its items", ScheduleText.Parse(schedule));

    /// <summary>(run key, item) → times run.</summary>
    public ConcurrentDictionary<(string RunKey, string Item), int> Runs { get; } = new();

    public volatile TaskCompletionSource Gate = OpenGate();

    /// <summary>Items at or after this one wait for <see cref="Gate"/>.</summary>
    public string? HoldFrom { get; set; }

    public static TaskCompletionSource OpenGate()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        gate.SetResult();
        return gate;
    }

    public int TimesRun(string runKey) => Runs.Where(r => r.Key.RunKey == runKey).Sum(r => r.Value);

    public Task<IReadOnlyList<string>> ListItemsAsync(JobRunContext run, CancellationToken cancellationToken) =>
        Task.FromResult(items);

    public async Task<JobItemOutcome> RunItemAsync(string item, JobRunContext run, CancellationToken cancellationToken)
    {
        if (HoldFrom is not null && string.CompareOrdinal(item, HoldFrom) >= 0) await Gate.Task.WaitAsync(cancellationToken);
        Runs.AddOrUpdate((run.RunKey, item), 1, (_, n) => n + 1);
        return JobItemOutcome.Done("recorded");
    }
}
