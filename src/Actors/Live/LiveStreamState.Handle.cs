using MediaPlatform.Actors.Entities;

namespace MediaPlatform.Actors.Live;

/// <summary>The stream's rules: each command decided on the current state and the time, into events or a refusal.</summary>
public sealed partial record LiveStreamState
{
    public Decision<ILiveStreamEvent> Handle(ILiveStreamCommand command, DateTimeOffset now)
    {
        if (command is CreateLiveStream create) return Create(create, now);
        if (!Exists) return Reject(Rejection.NotFound($"live stream {StreamId} does not exist"));
        return command switch
        {
            GetLiveStream c => c.ViewerId == OwnerId || c.ViewerFriendIds.Contains(OwnerId)
                ? Decide.Reply<ILiveStreamEvent>(View())
                : Reject(Rejection.Forbidden("only the owner and the owner's friends see a live stream")),
            BeginIngest c => Begin(c, now),
            IngestHeartbeat c => OnAir && c.IngestId == IngestId
                ? Decide.Reply<ILiveStreamEvent>(new IngestHeartbeatAck(StreamId, c.IngestId))
                : Reject(Rejection.Conflict(Status == LiveStreamStatus.Ended ? "the stream has ended" : "this ingest is no longer the stream's")),
            EndIngest c => StopIngest(c, now),
            DropDeadIngest c => OnAir && IngestNode is { } node && !c.LiveNodes.Contains(node)
                ? Decide.Persist(this, new LiveIngestInterrupted(IngestId!, $"the ingesting node {node} left the cluster", now), _ => NoReply.Instance)
                : Decide.Reply<ILiveStreamEvent>(NoReply.Instance),
            IngestSilent c => OnAir && c.IngestId == IngestId
                ? Decide.Persist(this, new LiveIngestInterrupted(c.IngestId, $"no word from the ingest for {c.Silence.TotalSeconds:0} s", now), _ => NoReply.Instance)
                : Decide.Reply<ILiveStreamEvent>(NoReply.Instance),
            EndLiveStream c => c.UserId != OwnerId ? Reject(Rejection.Forbidden("only the owner ends a live stream"))
                : Status == LiveStreamStatus.Ended ? Reject(Rejection.Conflict($"live stream {StreamId} has already ended"))
                : Persist(new LiveStreamEnded(LiveEndReason.EndedByOwner, "ended by its owner", now)),
            _ => Reject(Rejection.Invalid($"unknown live stream command {command.GetType().Name}")),
        };
    }

    private Decision<ILiveStreamEvent> Create(CreateLiveStream c, DateTimeOffset now)
    {
        if (Exists)
            return c.OwnerId == OwnerId && LiveStreamKey.SameHash(c.KeyHash, KeyHash)
                ? Decide.Reply<ILiveStreamEvent>(View()) // a repeat of the same create
                : Reject(Rejection.Conflict($"live stream {StreamId} already exists"));
        if (string.IsNullOrWhiteSpace(c.OwnerId)) return Reject(Rejection.Invalid("a live stream needs an owner"));
        if (string.IsNullOrWhiteSpace(c.KeyHash)) return Reject(Rejection.Invalid("a live stream needs a key"));
        var title = (c.Title ?? "").Trim();
        if (title.Length > MaxTitleLength) return Reject(Rejection.Invalid($"a live stream's title is at most {MaxTitleLength} characters"));
        return Persist(new LiveStreamCreated(StreamId, c.OwnerId, title, c.KeyHash, now));
    }

    private Decision<ILiveStreamEvent> Begin(BeginIngest c, DateTimeOffset now)
    {
        if (!LiveStreamKey.SameHash(c.KeyHash, KeyHash)) return Reject(Rejection.Forbidden("wrong stream key"));
        if (c.CallerId is { } caller && caller != OwnerId) return Reject(Rejection.Forbidden("this stream key belongs to another user"));
        if (string.IsNullOrWhiteSpace(c.IngestId) || string.IsNullOrWhiteSpace(c.Node)) return Reject(Rejection.Invalid("an ingest needs an id and a node"));
        return Status switch
        {
            LiveStreamStatus.Ended => Reject(Rejection.Conflict($"live stream {StreamId} has ended; start a new one")),
            LiveStreamStatus.Live when c.IngestId == IngestId => Decide.Reply<ILiveStreamEvent>(Granted(resumed: Sessions > 1)),
            LiveStreamStatus.Live when c.LiveNodes is { } nodes && IngestNode is { } node && !nodes.Contains(node) =>
                // The ingest's node is gone but the stream has not noticed yet: interrupt, then resume through the new ingest.
                Decide.Persist(this, [new LiveIngestInterrupted(IngestId!, $"the ingesting node {node} left the cluster", now),
                    new LiveIngestStarted(c.IngestId, c.Node, true, now)], s => s.Granted(resumed: true)),
            LiveStreamStatus.Live => Reject(Rejection.Conflict($"a broadcaster is already live on this stream (through {IngestNode}); stop it first")),
            _ => Decide.Persist(this, new LiveIngestStarted(c.IngestId, c.Node, Status == LiveStreamStatus.Interrupted, now),
                s => s.Granted(resumed: s.Sessions > 1)),
        };
    }

    private Decision<ILiveStreamEvent> StopIngest(EndIngest c, DateTimeOffset now)
    {
        if (!OnAir || c.IngestId != IngestId) return Decide.Reply<ILiveStreamEvent>(View()); // already over, or superseded
        var reason = Shorten(string.IsNullOrWhiteSpace(c.Reason) ? "the ingest stopped" : c.Reason.Trim());
        return c.Failed
            ? Persist(new LiveStreamEnded(LiveEndReason.IngestFailed, reason, now))
            : Persist(new LiveIngestInterrupted(c.IngestId, reason, now));
    }

    private LiveIngestGranted Granted(bool resumed) => new(StreamId, OwnerId, Title, IngestId!, Sessions, resumed);

    private static string Shorten(string text) => text.Length <= MaxReasonLength ? text : text[..MaxReasonLength] + "…";

    private Decision<ILiveStreamEvent> Persist(ILiveStreamEvent @event) => Decide.Persist(this, @event, s => s.View());

    private static Decision<ILiveStreamEvent> Reject(Rejection rejection) => Decide.Reject<ILiveStreamEvent>(rejection);
}
