using Akka.Actor;
using Akka.Cluster;
using MediaPlatform.Actors.Entities;

namespace MediaPlatform.Actors.Live;

/// <summary>
/// One live stream, sharded by stream id; rules in <see cref="LiveStreamState"/>. While the stream is on air the
/// entity watches its ingest two ways, since the node holding it cannot always say it stopped: a node that leaves the
/// cluster (or is gone when the stream starts again elsewhere) takes its ingest with it, and an ingest that sends no
/// heartbeat for <see cref="LiveSettings.IngestSilenceTimeout"/> is taken as gone. Either way the stream becomes
/// interrupted and the broadcaster may reconnect anywhere with the same key. Who is watching (<see cref="RecordLiveViewer"/>)
/// is counted in memory and shown in the stream's view as its viewers.
/// </summary>
public sealed class LiveStreamEntity : EventSourcedEntity<LiveStreamState, ILiveStreamCommand, ILiveStreamEvent>, IWithTimers
{
    public const string PersistenceIdPrefix = "live-stream-";
    public const string TypeName = "live-stream";
    private const string SilenceTimer = "silence";

    private readonly LiveSettings _live;
    private DateTimeOffset _lastHeard;
    private LiveViewerPresence _viewers = LiveViewerPresence.None;

    public LiveStreamEntity(string streamId, LiveSettings live, EntitySettings settings, IClock clock)
        : base(PersistenceIdPrefix + streamId, LiveStreamState.Empty(streamId), settings, clock)
    {
        _live = live;
        _lastHeard = clock.Now;
        Command<CheckSilence>(_ => CheckIngestSilence());
        Command<ClusterEvent.MemberRemoved>(_ => DropDeadIngest());
        Command<ClusterEvent.IMemberEvent>(_ => { });
        Command<ClusterEvent.CurrentClusterState>(_ => { });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props PropsFor(string streamId, LiveSettings live, EntitySettings settings, IClock clock) =>
        Props.Create(() => new LiveStreamEntity(streamId, live, settings, clock));

    private bool InCluster => Context.System.Settings.ProviderClass.Contains("Cluster", StringComparison.Ordinal);

    protected override void PreStart()
    {
        base.PreStart();
        if (InCluster) Cluster.Get(Context.System).Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsSnapshot, typeof(ClusterEvent.MemberRemoved));
    }

    protected override void PostStop()
    {
        if (InCluster) Cluster.Get(Context.System).Unsubscribe(Self);
        base.PostStop();
    }

    protected override Decision<ILiveStreamEvent> Decide(LiveStreamState state, ILiveStreamCommand command, DateTimeOffset now)
    {
        // Hearing from the current ingest (its start or a heartbeat) restarts the silence clock.
        if (command is IngestHeartbeat h && h.IngestId == state.IngestId || command is BeginIngest) _lastHeard = now;
        if (command is BeginIngest begin && InCluster) command = begin with { LiveNodes = LiveMembers() };
        if (command is RecordLiveViewer seen)
        {
            // Presence is kept in memory, not journaled: it only says who is watching now.
            if (state.Exists) _viewers = _viewers.Seen(seen.ViewerId, now);
            return new Decision<ILiveStreamEvent>.Accepted([], NoReply.Instance);
        }
        var decision = state.Handle(command, now);
        if (decision is not Decision<ILiveStreamEvent>.Accepted { Reply: LiveStreamView view } accepted) return decision;
        _viewers = _viewers.Prune(now);
        return accepted with { Reply = view with { Viewers = _viewers.Count(now) } };
    }

    protected override void OnEventsPersisted() => ArmSilenceTimer();

    protected override void OnReplaySuccess()
    {
        base.OnReplaySuccess();
        _lastHeard = Clock.Now; // started again (after a failover): the ingest gets a full timeout to be heard from
        ArmSilenceTimer();
        DropDeadIngest();
    }

    private void ArmSilenceTimer()
    {
        if (State.OnAir) Timers.StartPeriodicTimer(SilenceTimer, CheckSilence.Instance, _live.IngestSilenceTimeout / 4);
        else Timers.Cancel(SilenceTimer);
    }

    private void CheckIngestSilence()
    {
        var silence = Clock.Now - _lastHeard;
        if (State.OnAir && silence >= _live.IngestSilenceTimeout) Self.Tell(new IngestSilent(State.StreamId, State.IngestId!, silence));
        if (!State.OnAir) Timers.Cancel(SilenceTimer);
    }

    private void DropDeadIngest()
    {
        if (!InCluster || !State.OnAir) return;
        var live = LiveMembers();
        if (live.Count > 0) Self.Tell(new DropDeadIngest(State.StreamId, live));
    }

    private List<string> LiveMembers() => Cluster.Get(Context.System).State.Members
        .Where(m => m.Status is MemberStatus.Up or MemberStatus.Joining or MemberStatus.WeaklyUp or MemberStatus.Leaving)
        .Select(m => m.Address.ToString()).ToList();

    /// <summary>The entity's own tick while on air; local only.</summary>
    private sealed class CheckSilence
    {
        public static readonly CheckSilence Instance = new();
    }
}
