using Akka.Actor;
using Akka.Event;
using Akka.Util;
using MediaPlatform.Actors.Entities;

namespace MediaPlatform.Actors.Images;

/// <summary>
/// One partition of one stage's work queue, sharded (the region remembers its entities, so a partition whose node
/// dies starts again on another node and offers its jobs there). It hands jobs only to its own node's worker pool,
/// which pulls one when it has a free slot: the work of a stage spreads over the nodes as its partitions do.
/// A job out with a worker is leased: if the result does not come back within the job time-out (the worker or its
/// node died) it is offered again. A failed attempt is offered again after the retry delay. Uploads are offered before
/// title frames (<see cref="ImageQueueState.Offerable"/>): frames fill the slots uploads leave free.
/// </summary>
public sealed class ImageStageQueue : EventSourcedEntity<ImageQueueState, IImageQueueCommand, IImageQueueEvent>, IWithTimers
{
    /// <summary>Partitions per stage: enough to spread each stage over a few dozen nodes. Never change on a running cluster.</summary>
    public const int Partitions = 32;

    public const string PersistenceIdPrefix = "image-queue-";
    private static readonly TimeSpan CheckEvery = TimeSpan.FromMilliseconds(500);

    private readonly IActorRef _workers;
    private readonly ImageSettings _settings;
    private readonly Dictionary<string, DateTimeOffset> _leased = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _notBefore = new(StringComparer.Ordinal);
    private bool _announced;
    private bool _announcedUploads;

    public ImageStageQueue(ImageStage stage, string partition, IActorRef workers, ImageSettings settings, EntitySettings entitySettings, IClock clock)
        : base($"{PersistenceIdPrefix}{stage.Name()}-{partition}", ImageQueueState.Empty, entitySettings, clock)
    {
        _workers = workers;
        _settings = settings;
        Command<RequestImageJob>(_ => Lease());
        Command<CheckLeases>(_ => CheckExpired());
    }

    /// <summary>The sharding type name of a stage's queue, e.g. "image-decode-queue".</summary>
    public static string TypeName(ImageStage stage) => $"image-{stage.Name()}-queue";

    /// <summary>A stable partition of an image id (the same on every node and every run, unlike string.GetHashCode).</summary>
    public static string PartitionOf(string imageId) => ((uint)MurmurHash.StringHash(imageId) % Partitions).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static Props PropsFor(ImageStage stage, string partition, IActorRef workers, ImageSettings settings, EntitySettings entitySettings, IClock clock) =>
        Props.Create(() => new ImageStageQueue(stage, partition, workers, settings, entitySettings, clock));

    protected override bool DeletesEventsBelowSnapshot => true; // a queue's history is not the product

    protected override Decision<IImageQueueEvent> Decide(ImageQueueState state, IImageQueueCommand command, DateTimeOffset now) => state.Handle(command);

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart()
    {
        base.PreStart();
        Timers.StartPeriodicTimer(CheckLeases.Instance, CheckLeases.Instance, CheckEvery);
    }

    protected override void OnReplaySuccess()
    {
        base.OnReplaySuccess();
        Announce();
    }

    protected override void OnDecided(Decision<IImageQueueEvent> decision)
    {
        if (decision is not Decision<IImageQueueEvent>.Accepted accepted) return;
        foreach (var e in accepted.Events)
        {
            switch (e)
            {
                case ImageJobCompleted done:
                    _leased.Remove(done.ImageId);
                    _notBefore.Remove(done.ImageId);
                    break;
                case ImageJobAttemptFailed failed:
                    _leased.Remove(failed.ImageId);
                    _notBefore[failed.ImageId] = Now + _settings.RetryDelay;
                    break;
            }
        }
    }

    protected override void OnEventsPersisted() => Announce();

    // Leases and retry delays run on real time, not the entities' (possibly shifted or manual) clock.
    private static DateTimeOffset Now => DateTimeOffset.UtcNow;

    private IEnumerable<QueuedImageJob> Offerable(DateTimeOffset now) =>
        State.Offerable(j => !_leased.ContainsKey(j.Job.ImageId) && (!_notBefore.TryGetValue(j.Job.ImageId, out var at) || at <= now));

    /// <summary>
    /// Tells the pool once that there is work (again when an upload arrives behind frames, so the pool moves this
    /// partition up); it pulls until the queue answers none.
    /// </summary>
    private void Announce()
    {
        if (Offerable(Now).FirstOrDefault() is not { } first) return;
        var uploads = !ImageIds.IsFrame(first.Job.ImageId);
        if (_announced && (_announcedUploads || !uploads)) return;
        _announced = true;
        _announcedUploads = uploads;
        _workers.Tell(new ImageWorkAvailable(Self, uploads));
    }

    private void Lease()
    {
        _announced = false;
        var now = Now;
        if (Offerable(now).FirstOrDefault() is not { } next)
        {
            Sender.Tell(NoImageJob.Instance);
            return;
        }
        var until = now + _settings.JobTimeout;
        _leased[next.Job.ImageId] = until;
        _notBefore.Remove(next.Job.ImageId);
        Sender.Tell(new ImageJobLease(next.Job, next.FailedAttempts + 1, Self, until));
        Announce();
    }

    private void CheckExpired()
    {
        var now = Now;
        foreach (var (imageId, until) in _leased.Where(l => l.Value <= now).ToList())
        {
            // The worker (or its node) did not answer in time: the job goes to whichever worker pulls next.
            Log.Warning("image {0}: job in {1} not finished by its lease; offering it again", imageId, PersistenceId);
            _leased.Remove(imageId);
        }
        foreach (var id in _leased.Keys.Where(id => !State.Jobs.ContainsKey(id)).ToList()) _leased.Remove(id);
        _announced = false; // announce again: covers a pool that lost the last one (the pool ignores repeats)
        Announce();
    }

    private sealed class CheckLeases
    {
        public static readonly CheckLeases Instance = new();
    }
}
