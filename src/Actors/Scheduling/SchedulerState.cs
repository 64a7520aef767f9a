using System.Collections.Immutable;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Actors.Scheduling;

/// <summary>
/// The scheduler's memory and every rule about runs. Pure, like an entity's state; the catalog of jobs (names and
/// schedules, from configuration) is passed in, the state only keeps what happened.
///
/// Why each period runs exactly once: a scheduled run is recorded (<see cref="JobRunStarted"/> with its period key)
/// before any work starts, and a period whose key is the job's last one is never started again — so a crash before
/// the record leaves the period due (the next incarnation starts it), and a crash after it leaves a run in progress
/// (the next incarnation resumes it from its last checkpoint). Work between the last checkpoint and the crash is done
/// again; every job makes that safe by being idempotent per (run, item).
/// </summary>
[Manifest("scheduler.state.v1")]
public sealed record SchedulerState(ImmutableSortedDictionary<string, JobRecord> Jobs)
    : IEntityState<SchedulerState, ISchedulerEvent>, IProtocolMessage
{
    public static readonly SchedulerState Empty = new(ImmutableSortedDictionary<string, JobRecord>.Empty);

    public JobRecord Job(string name) => Jobs.GetValueOrDefault(name) ?? JobRecord.New(name);

    public Decision<ISchedulerEvent> Handle(ISchedulerCommand command, DateTimeOffset now, IReadOnlyList<JobSpec> catalog)
    {
        if (command is GetScheduledJobs) return Answer(new ScheduledJobsView(catalog.Select(spec => View(spec, now)).ToList()));
        if (command is StartDueRuns) return StartDue(now, catalog);
        var name = (command as IJobCommand)?.Job;
        if (catalog.FirstOrDefault(s => s.Name == name) is not { } spec)
            return name is null
                ? Refuse(Rejection.Invalid($"unknown scheduler command {command.GetType().Name}"))
                : Refuse(Rejection.NotFound($"no job '{name}'; jobs: {string.Join(", ", catalog.Select(s => s.Name))}"));
        var job = Job(spec.Name);
        return command switch
        {
            GetScheduledJob => Answer(View(spec, now)),
            TriggerJob => Trigger(job, now),
            PauseJob when job.Paused => Answer(View(spec, now)),
            PauseJob => Decide.Persist(this, new JobPaused(spec.Name, now), s => s.View(spec, now)),
            ResumeJob when !job.Paused => Answer(View(spec, now)),
            ResumeJob => Decide.Persist(this, new JobResumed(spec.Name, now), s => s.View(spec, now)),
            RecordRunProgress c when job.Current?.RunKey != c.RunKey => Answer(SchedulerAck.Instance), // a stale runner
            RecordRunProgress c => Decide.Persist(this,
                new JobRunProgressed(c.Job, c.RunKey, c.Cursor, c.Total, c.Processed, c.Failed, c.Counters, c.Failures, now), _ => SchedulerAck.Instance),
            FinishRun c when job.Current?.RunKey != c.RunKey => Answer(SchedulerAck.Instance),
            FinishRun c => Decide.Persist(this, new JobRunFinished(c.Job, c.RunKey, c.Total, now), _ => SchedulerAck.Instance),
            RecordRunResumed c when job.Current?.RunKey != c.RunKey => Answer(SchedulerAck.Instance),
            RecordRunResumed c => Decide.Persist(this, new JobRunResumed(c.Job, c.RunKey, now), _ => SchedulerAck.Instance),
            _ => Refuse(Rejection.Invalid($"unknown scheduler command {command.GetType().Name}")),
        };
    }

    public SchedulerState Apply(ISchedulerEvent @event) => @event switch
    {
        JobRunStarted e => With(e.Job, j => j with
        {
            Current = JobRun.Start(e),
            LastPeriodKey = e.PeriodKey ?? j.LastPeriodKey,
            LastPeriodStart = e.PeriodStart ?? j.LastPeriodStart,
            ManualRuns = j.ManualRuns + (e.Trigger == RunTrigger.Manual ? 1 : 0),
        }),
        JobRunProgressed e => With(e.Job, j => j.Current?.RunKey == e.RunKey ? j with { Current = j.Current.Progressed(e) } : j),
        JobRunResumed e => With(e.Job, j => j.Current?.RunKey == e.RunKey ? j with { Current = j.Current with { Resumptions = j.Current.Resumptions + 1 } } : j),
        JobRunFinished e => With(e.Job, j => j.Current?.RunKey == e.RunKey ? j.Finished(e.At, e.Total) : j),
        JobPaused e => With(e.Job, j => j with { Paused = true }),
        JobResumed e => With(e.Job, j => j with { Paused = false }),
        _ => this,
    };

    public ScheduledJobView View(JobSpec spec, DateTimeOffset now)
    {
        var job = Job(spec.Name);
        return new ScheduledJobView(spec.Name, spec.Description, spec.Schedule.Text, job.Paused, NextRunAt(spec, job, now),
            job.Current?.View(), job.History.FirstOrDefault()?.View(), job.History.Select(r => r.View()).ToList());
    }

    /// <summary>
    /// Starts a run for every job whose current period has begun and has no run yet. A scheduler that was down for
    /// several periods runs the latest one only: every job works from current state (billing renews each elapsed
    /// period of an account by itself), so one run catches up.
    /// </summary>
    private Decision<ISchedulerEvent> StartDue(DateTimeOffset now, IReadOnlyList<JobSpec> catalog)
    {
        var events = new List<ISchedulerEvent>();
        foreach (var spec in catalog)
        {
            var job = Job(spec.Name);
            var period = spec.Schedule.PeriodAt(now);
            if (job.Paused || job.Current is not null || job.LastPeriodKey == period.Key) continue;
            if (job.LastPeriodStart is { } last && last >= period.Start) continue; // the clock went back: never rerun a period
            events.Add(new JobRunStarted(spec.Name, $"{spec.Name}@{period.Key}", RunTrigger.Schedule, period.Key, period.Start, now));
        }
        return events.Count == 0 ? Answer(SchedulerAck.Instance) : Decide.Persist(this, events, _ => SchedulerAck.Instance);
    }

    private Decision<ISchedulerEvent> Trigger(JobRecord job, DateTimeOffset now)
    {
        if (job.Paused) return Refuse(Rejection.Conflict($"job '{job.Name}' is paused; resume it first"));
        if (job.Current is { } running)
            return Refuse(Rejection.Conflict($"run {running.RunKey} of '{job.Name}' is in progress ({running.Processed} of {running.Total} items)"));
        var runKey = $"{job.Name}@manual-{job.ManualRuns + 1}";
        return Decide.Persist(this, new JobRunStarted(job.Name, runKey, RunTrigger.Manual, null, null, now), _ => new JobRunAccepted(job.Name, runKey));
    }

    private static DateTimeOffset? NextRunAt(JobSpec spec, JobRecord job, DateTimeOffset now)
    {
        if (job.Paused || job.Current is not null) return null;
        var period = spec.Schedule.PeriodAt(now);
        return job.LastPeriodKey == period.Key || (job.LastPeriodStart is { } last && last >= period.Start)
            ? spec.Schedule.After(period).Start
            : period.Start;
    }

    private SchedulerState With(string name, Func<JobRecord, JobRecord> change) => this with { Jobs = Jobs.SetItem(name, change(Job(name))) };

    private static Decision<ISchedulerEvent> Answer(object reply) => Decide.Reply<ISchedulerEvent>(reply);

    private static Decision<ISchedulerEvent> Refuse(Rejection rejection) => Decide.Reject<ISchedulerEvent>(rejection);
}
