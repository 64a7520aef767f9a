using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Actors.Scheduling;

public interface ISchedulerEvent : IProtocolMessage;

public enum RunTrigger { Schedule, Manual }

/// <summary>A run began. For scheduled runs <see cref="PeriodKey"/> is the period it covers (at most one run each).</summary>
[Manifest("scheduler.run-started.v1")]
public sealed record JobRunStarted(string Job, string RunKey, RunTrigger Trigger, string? PeriodKey, DateTimeOffset? PeriodStart, DateTimeOffset At)
    : ISchedulerEvent;

/// <summary>Items up to <see cref="Cursor"/> (in the job's stable item order) are done; the counts are this step's additions.</summary>
[Manifest("scheduler.run-progressed.v1")]
public sealed record JobRunProgressed(string Job, string RunKey, string Cursor, int Total, int Processed, int Failed,
    IReadOnlyDictionary<string, int> Counters, IReadOnlyList<string> Failures, DateTimeOffset At) : ISchedulerEvent;

[Manifest("scheduler.run-resumed.v1")]
public sealed record JobRunResumed(string Job, string RunKey, DateTimeOffset At) : ISchedulerEvent;

[Manifest("scheduler.run-finished.v1")]
public sealed record JobRunFinished(string Job, string RunKey, int Total, DateTimeOffset At) : ISchedulerEvent;

[Manifest("scheduler.job-paused.v1")]
public sealed record JobPaused(string Job, DateTimeOffset At) : ISchedulerEvent;

[Manifest("scheduler.job-resumed.v1")]
public sealed record JobResumed(string Job, DateTimeOffset At) : ISchedulerEvent;
