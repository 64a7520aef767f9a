using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Event;
using MediaPlatform.Actors.Work;

namespace MediaPlatform.Actors.Titles.Pipeline;

/// <summary>
/// Drives one uploaded title to published (or failed): a sharded entity with remembered entities, so when its node
/// dies the shard starts it again on another node and it carries on from the title's stored status (see
/// <see cref="PipelineSteps"/>). It runs one step at a time, off the actor thread; the transcode queue's notices and a
/// poll timer wake it while the cluster encodes. A step that fails for a passing reason (an ask timing out during a
/// failover) is retried with growing back-off; one that cannot succeed fails the title with its reason. When the title
/// is finished the entity passivates, which also stops it being remembered.
/// </summary>
public sealed class TitlePipeline : ReceiveActor, IWithTimers
{
    public const string TypeName = "title-pipeline";

    private readonly string _titleId;
    private readonly PipelineContext _context;
    private readonly PipelineSteps _steps;
    private readonly PipelineTrace _trace;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private bool _busy;
    private bool _lookAgain;
    private int _failures;
    private bool _backingOff;

    public TitlePipeline(string titleId, PipelineContext context)
    {
        _titleId = titleId;
        _context = context;
        _trace = new PipelineTrace(titleId);
        _steps = new PipelineSteps(titleId, context, _log, _trace);
        Receive<DriveTitle>(_ => Drive());
        // The upload's trace context comes with its drive: the steps' spans join the upload request's trace.
        Receive<Observability.TracedMessage>(t => t.Message is DriveTitle, t =>
        {
            _trace.Continue(t);
            Drive();
        });
        // The batch moved: look now rather than at the next poll (unless backing off after a failed step).
        Receive<IWorkNotice>(_ => { if (!_backingOff) Advance(); });
        Receive<Poll>(_ => { if (!_backingOff) Advance(); });
        Receive<Retry>(_ =>
        {
            _backingOff = false;
            Advance();
        });
        Receive<StepEnded>(OnStepEnded);
    }

    public ITimerScheduler? Timers { get; set; }

    private void Drive()
    {
        Sender.Tell(new DrivingTitle(_titleId));
        Advance();
    }

    public static Props PropsFor(string titleId, PipelineContext context) => Props.Create(() => new TitlePipeline(titleId, context));

    protected override void PreStart()
    {
        Timers!.StartPeriodicTimer("poll", Poll.Instance, _context.Settings.StatusPollInterval);
        Advance();
    }

    protected override void PostStop() => _stopping.Cancel(); // no ffmpeg of this title outlives its pipeline here

    private void Advance()
    {
        if (_busy)
        {
            _lookAgain = true;
            return;
        }
        _busy = true;
        _lookAgain = false;
        _steps.NextAsync(Self, _stopping.Token).PipeTo(Self, success: step => new StepEnded(step, null), failure: e => new StepEnded(null, e));
    }

    private void OnStepEnded(StepEnded ended)
    {
        _busy = false;
        if (ended.Error is { } error)
        {
            _failures++;
            var backoff = TimeSpan.FromSeconds(Math.Min(_context.Settings.RetryBackoffMax.TotalSeconds, Math.Pow(2, Math.Min(_failures, 10))));
            _log.Warning("title {0}: step failed ({1}: {2}); attempt {3}, retrying in {4:0} s", _titleId, error.GetType().Name,
                Unwrap(error).Message, _failures, backoff.TotalSeconds);
            _backingOff = true;
            Timers!.StartSingleTimer("retry", Retry.Instance, backoff);
            return;
        }
        _failures = 0;
        switch (ended.Step)
        {
            case PipelineStep.Continue:
                Advance();
                break;
            case PipelineStep.Waiting when _lookAgain:
                Advance();
                break;
            case PipelineStep.Finished:
                _log.Info("title {0}: pipeline finished", _titleId);
                Timers!.CancelAll();
                Context.Parent.Tell(new Passivate(PoisonPill.Instance));
                break;
        }
    }

    private static Exception Unwrap(Exception e)
    {
        while (e is AggregateException { InnerExceptions.Count: 1 } aggregate) e = aggregate.InnerExceptions[0];
        return e;
    }

    private sealed record StepEnded(PipelineStep? Step, Exception? Error) : INoSerializationVerificationNeeded;

    private sealed record Poll : INoSerializationVerificationNeeded
    {
        public static readonly Poll Instance = new();
    }

    private sealed record Retry : INoSerializationVerificationNeeded
    {
        public static readonly Retry Instance = new();
    }
}
