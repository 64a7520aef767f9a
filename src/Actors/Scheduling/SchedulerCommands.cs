using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Actors.Scheduling;

/// <summary>Everything the scheduler singleton decides on; sent through its proxy from any node.</summary>
public interface ISchedulerCommand : IProtocolMessage;

/// <summary>A command about one job, named by <see cref="Job"/>.</summary>
public interface IJobCommand : ISchedulerCommand
{
    string Job { get; }
}

[Manifest("scheduler.get-jobs.v1")]
public sealed record GetScheduledJobs : ISchedulerCommand;

[Manifest("scheduler.get-job.v1")]
public sealed record GetScheduledJob(string Job) : IJobCommand;

/// <summary>Starts a run now, outside the schedule. Refused while the job is paused or a run of it is in progress.</summary>
[Manifest("scheduler.trigger.v1")]
public sealed record TriggerJob(string Job) : IJobCommand;

/// <summary>No new runs start; a run in progress stops after its last checkpoint and continues on resume.</summary>
[Manifest("scheduler.pause.v1")]
public sealed record PauseJob(string Job) : IJobCommand;

[Manifest("scheduler.resume.v1")]
public sealed record ResumeJob(string Job) : IJobCommand;

/// <summary>Sent by the scheduler to itself on every tick: starts the runs whose period has begun.</summary>
[Manifest("scheduler.start-due.v1")]
public sealed record StartDueRuns : ISchedulerCommand
{
    public static readonly StartDueRuns Instance = new();
}

/// <summary>A runner reports that every item up to and including <see cref="Cursor"/> is done; answered after persist.</summary>
[Manifest("scheduler.record-progress.v1")]
public sealed record RecordRunProgress(string Job, string RunKey, string Cursor, int Total, int Processed, int Failed,
    IReadOnlyDictionary<string, int> Counters, IReadOnlyList<string> Failures) : IJobCommand;

/// <summary>A runner has gone through every item of its run.</summary>
[Manifest("scheduler.finish-run.v1")]
public sealed record FinishRun(string Job, string RunKey, int Total) : IJobCommand;

/// <summary>A new runner picks up a run an earlier one (possibly on a node that died) did not finish.</summary>
[Manifest("scheduler.resume-run.v1")]
public sealed record RecordRunResumed(string Job, string RunKey) : IJobCommand;
