using Akka.Actor;
using Akka.Event;
using Akka.Persistence;
using Akka.Streams;
using MediaPlatform.Actors.Entities;

namespace MediaPlatform.Actors.Scheduling;

/// <summary>
/// The scheduler, a cluster singleton: on every tick it records the runs whose period has begun
/// (<see cref="SchedulerState"/> holds the rules), and it keeps exactly one runner (<see cref="JobRunner"/>) going for
/// each run in progress of a job that is not paused. Runners follow the stored state — after recovery, after every
/// stored change and on every tick — so a new incarnation on another node resumes what the old one left mid-way,
/// and a pause stops the runner while its run stays recorded.
/// </summary>
public sealed class RecurringScheduler : EventSourcedEntity<SchedulerState, ISchedulerCommand, ISchedulerEvent>, IWithTimers
{
    public const string Name = "scheduler";
    private readonly IReadOnlyDictionary<string, IRecurringJob> _jobs;
    private readonly IReadOnlyList<JobSpec> _catalog;
    private readonly SchedulerSettings _settings;
    private readonly Dictionary<string, Runner> _runners = new();
    private readonly Dictionary<string, DateTimeOffset> _restartNotBefore = new();
    // Runs a runner of this incarnation already worked on, or that an earlier incarnation left: picking one of them
    // up again is a resumption (recorded, so a run's history shows every failover it went through).
    private readonly HashSet<string> _runsSeenBefore = new();
    private int _generation;

    public RecurringScheduler(IReadOnlyList<IRecurringJob> jobs, SchedulerSettings settings, EntitySettings entitySettings, IClock clock)
        : base(Name, SchedulerState.Empty, entitySettings, clock)
    {
        _jobs = jobs.ToDictionary(j => j.Spec.Name);
        _catalog = jobs.Select(j => j.Spec).ToList();
        _settings = settings;
        Recover<RecoveryCompleted>(_ =>
        {
            Timers!.StartPeriodicTimer("tick", Tick.Instance, settings.TickInterval);
            Log.Info("scheduler started with jobs {0}", string.Join(", ", _catalog.Select(s => $"{s.Name} ({s.Schedule.Text})")));
            foreach (var job in State.Jobs.Values)
                if (job.Current is { } inherited) _runsSeenBefore.Add(inherited.RunKey);
            FollowState();
        });
        Command<Tick>(_ =>
        {
            FollowState();
            ExecuteFor(ActorRefs.Nobody, State.Handle(StartDueRuns.Instance, Clock.Now, _catalog));
        });
        Command<RunnerStopped>(OnRunnerStopped);
    }

    public ITimerScheduler? Timers { get; set; }

    public static Props PropsFor(IReadOnlyList<IRecurringJob> jobs, SchedulerSettings settings, EntitySettings entitySettings, IClock clock) =>
        Props.Create(() => new RecurringScheduler(jobs, settings, entitySettings, clock));

    protected override Decision<ISchedulerEvent> Decide(SchedulerState state, ISchedulerCommand command, DateTimeOffset now) =>
        state.Handle(command, now, _catalog);

    protected override void OnEventsPersisted() => FollowState();

    /// <summary>~500 events a day, for ever: the journal keeps what the latest snapshot does not cover, and nothing older.</summary>
    protected override bool DeletesEventsBelowSnapshot => true;

    /// <summary>Starts the runners the state asks for and stops those it no longer does.</summary>
    private void FollowState()
    {
        foreach (var (name, runner) in _runners.ToList())
        {
            var job = State.Job(name);
            if (job.Current?.RunKey == runner.RunKey && !job.Paused) continue;
            runner.KillSwitch.Abort(new OperationCanceledException($"run {runner.RunKey} stopped: {(job.Paused ? "job paused" : "no longer current")}"));
            _runners.Remove(name);
            Log.Info("runner of {0} stopped ({1})", runner.RunKey, job.Paused ? "job paused" : "run no longer current");
        }
        foreach (var spec in _catalog)
        {
            var job = State.Job(spec.Name);
            if (job is not { Current: { } run, Paused: false } || _runners.ContainsKey(spec.Name)) continue;
            if (_restartNotBefore.TryGetValue(spec.Name, out var notBefore) && Clock.Now < notBefore) continue;
            StartRunner(_jobs[spec.Name], run);
        }
    }

    /// <summary>Runners' stages run on the scheduler's own dispatcher (its bulkhead, when it has one), not on the default one.</summary>
    private IMaterializer RunnerMaterializer()
    {
        if (_runnerMaterializer is not null) return _runnerMaterializer;
        var dispatcher = Context.Props.Dispatcher;
        var settings = ActorMaterializerSettings.Create(Context.System);
        if (!string.IsNullOrEmpty(dispatcher) && dispatcher != Akka.Actor.Deploy.NoDispatcherGiven) settings = settings.WithDispatcher(dispatcher);
        return _runnerMaterializer = Context.Materializer(settings);
    }

    private IMaterializer? _runnerMaterializer;

    private void StartRunner(IRecurringJob job, JobRun run)
    {
        var generation = ++_generation;
        var context = new JobRunContext(job.Spec.Name, run.RunKey, run.PeriodKey, Clock.Now);
        var (killSwitch, completion) = JobRunner.Start(job, run, context, Self, _settings, RunnerMaterializer());
        _runners[job.Spec.Name] = new Runner(run.RunKey, generation, killSwitch);
        completion.PipeTo(Self, success: c => new RunnerStopped(job.Spec.Name, run.RunKey, generation, c));
        if (!_runsSeenBefore.Add(run.RunKey))
        {
            Log.Info("resuming run {0} after item {1} ({2} of {3} done)", run.RunKey, run.Cursor ?? "(none)", run.Processed, run.Total);
            ExecuteFor(ActorRefs.Nobody, State.Handle(new RecordRunResumed(job.Spec.Name, run.RunKey), Clock.Now, _catalog));
        }
        else
        {
            Log.Info("starting run {0}", run.RunKey);
        }
    }

    private void OnRunnerStopped(RunnerStopped stopped)
    {
        if (!_runners.TryGetValue(stopped.Job, out var runner) || runner.Generation != stopped.Generation) return; // stopped on purpose
        _runners.Remove(stopped.Job);
        if (stopped.Completion.Error is { } error)
        {
            _restartNotBefore[stopped.Job] = Clock.Now + _settings.RunnerRestartDelay;
            Log.Warning("run {0} was interrupted ({1}); it resumes from its last checkpoint in {2}",
                stopped.RunKey, error.Message, _settings.RunnerRestartDelay);
            return;
        }
        _restartNotBefore.Remove(stopped.Job);
        ExecuteFor(ActorRefs.Nobody, State.Handle(new FinishRun(stopped.Job, stopped.RunKey, stopped.Completion.Total), Clock.Now, _catalog));
        _runsSeenBefore.Remove(stopped.RunKey);
        Log.Info("run {0} worked through its {1} items", stopped.RunKey, stopped.Completion.Total);
    }

    private sealed record Runner(string RunKey, int Generation, UniqueKillSwitch KillSwitch);

    // Local messages: never leave this actor.
    private sealed record Tick : INoSerializationVerificationNeeded
    {
        public static readonly Tick Instance = new();
    }

    private sealed record RunnerStopped(string Job, string RunKey, int Generation, JobRunner.Completion Completion) : INoSerializationVerificationNeeded;
}
