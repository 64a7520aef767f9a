namespace MediaPlatform.Actors.Scheduling;

/// <summary>
/// A job the scheduler runs once per period: a list of items in a stable order (so a run can resume after the last
/// checkpointed item) and the work for one item. <see cref="RunItemAsync"/> must be idempotent per (run, item): after
/// a crash the items since the last checkpoint are run again.
/// </summary>
public interface IRecurringJob
{
    JobSpec Spec { get; }

    /// <summary>Every item of a run, sorted ordinally (the cursor compares with <see cref="string.CompareOrdinal(string, string)"/>).</summary>
    Task<IReadOnlyList<string>> ListItemsAsync(JobRunContext run, CancellationToken cancellationToken);

    /// <summary>Does one item's work. Report failures as <see cref="JobItemOutcome.Failed"/>; an exception counts as a retryable failure.</summary>
    Task<JobItemOutcome> RunItemAsync(string item, JobRunContext run, CancellationToken cancellationToken);
}

/// <summary>The run an item belongs to, and the scheduler's time when the runner started.</summary>
public sealed record JobRunContext(string Job, string RunKey, string? PeriodKey, DateTimeOffset Now);

/// <summary>
/// What one item came to: a counter to add one to (e.g. "charged", "not-due"), or a failure with a reason a person
/// can act on. Retryable failures are tried again (a bounded number of times) within the run.
/// </summary>
public sealed record JobItemOutcome(string Counter, string? Failure = null, bool Retryable = false)
{
    public const string FailedCounter = "failed";

    public bool IsFailure => Failure is not null;

    public static JobItemOutcome Done(string counter) => new(counter);

    public static JobItemOutcome Failed(string reason, bool retryable = true) => new(FailedCounter, reason, retryable);
}
