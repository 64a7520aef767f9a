using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Actors.Live;

/// <summary>
/// A live stream as its owner and the owner's friends see it (never its key). <paramref name="Viewers"/>: how many
/// people are watching now (see <see cref="LiveViewerPresence"/>).
/// </summary>
[Manifest("live.view.v1")]
public sealed record LiveStreamView(string StreamId, string OwnerId, string Title, LiveStreamStatus Status, string? IngestNode,
    int Sessions, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? EndedAt, string? InterruptReason,
    LiveEndReason? EndReason, string? EndDetail, int Viewers = 0) : IProtocolMessage;

/// <summary>
/// The broadcaster may push: the stream is on air through this ingest. <paramref name="Session"/> counts ingests
/// (1 for the first); a resumed session continues the published segment numbering after a discontinuity.
/// </summary>
[Manifest("live.ingest-granted.v1")]
public sealed record LiveIngestGranted(string StreamId, string OwnerId, string Title, string IngestId, int Session, bool Resumed) : IProtocolMessage;

/// <summary>A heartbeat was taken: the ingest is still the stream's.</summary>
[Manifest("live.heartbeat-ack.v1")]
public sealed record IngestHeartbeatAck(string StreamId, string IngestId) : IProtocolMessage;
