using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Actors.Scheduling;

[Manifest("scheduler.jobs.v1")]
public sealed record ScheduledJobsView(IReadOnlyList<ScheduledJobView> Jobs) : IProtocolMessage;

/// <summary>
/// One recurring job as operators see it. <see cref="NextRunAt"/> is null while paused or running; a past value
/// means the run is due and starts on the next tick.
/// </summary>
[Manifest("scheduler.job.v1")]
public sealed record ScheduledJobView(
    string Name,
    string Description,
    string Schedule,
    bool Paused,
    DateTimeOffset? NextRunAt,
    JobRunView? Running,
    JobRunView? LastRun,
    IReadOnlyList<JobRunView> History) : IProtocolMessage;

/// <summary>
/// A run: its progress (Processed of Total items, in the job's stable order up to Cursor), what it did per item
/// (Counters, e.g. charged / declined / not-due), the latest failures, and how often a new runner resumed it.
/// </summary>
[Manifest("scheduler.run.v1")]
public sealed record JobRunView(
    string RunKey,
    RunTrigger Trigger,
    string? PeriodKey,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    string Outcome,
    int Total,
    int Processed,
    int Failed,
    double Percent,
    IReadOnlyDictionary<string, int> Counters,
    IReadOnlyList<string> RecentFailures,
    int Resumptions) : IProtocolMessage;

/// <summary>Answer to <see cref="TriggerJob"/>: the run that was started.</summary>
[Manifest("scheduler.run-accepted.v1")]
public sealed record JobRunAccepted(string Job, string RunKey) : IProtocolMessage;

/// <summary>Answer to runner reports, sent once they are stored.</summary>
[Manifest("scheduler.ack.v1")]
public sealed record SchedulerAck : IProtocolMessage
{
    public static readonly SchedulerAck Instance = new();
}
