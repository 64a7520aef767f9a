using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Actors.Live;

/// <summary>Every message a live stream entity handles; routed by <see cref="StreamId"/>.</summary>
public interface ILiveStreamCommand : IWithEntityId, IProtocolMessage
{
    string StreamId { get; }
    string IWithEntityId.EntityId => StreamId;
}

/// <summary>Creates the stream for <paramref name="OwnerId"/>; only the hash of its key is kept.</summary>
[Manifest("live.create.v1")]
public sealed record CreateLiveStream(string StreamId, string OwnerId, string Title, string KeyHash) : ILiveStreamCommand;

/// <summary>
/// A broadcaster connected to node <paramref name="Node"/> with a key whose hash is <paramref name="KeyHash"/>; the
/// ingest is known by <paramref name="IngestId"/> from then on. <paramref name="CallerId"/> is the signed-in user who
/// sent it, when the request carried a token (null for a key alone, as ffmpeg sends it). <paramref name="LiveNodes"/> are
/// the cluster's members as the entity sees them when it decides (filled in by the entity): an ingest whose node is
/// not among them is gone, and a reconnect takes over at once instead of waiting for the entity to notice.
/// </summary>
[Manifest("live.begin-ingest.v1")]
public sealed record BeginIngest(string StreamId, string KeyHash, string? CallerId, string IngestId, string Node,
    IReadOnlyList<string>? LiveNodes = null) : ILiveStreamCommand;

/// <summary>The ingest <paramref name="IngestId"/> is still receiving; refused once it is no longer the stream's ingest.</summary>
[Manifest("live.heartbeat.v1")]
public sealed record IngestHeartbeat(string StreamId, string IngestId) : ILiveStreamCommand;

/// <summary>
/// The ingest stopped: <paramref name="Failed"/> (ffmpeg could not transcode it, or a limit was hit) ends the stream
/// with <paramref name="Reason"/>; otherwise (the broadcaster's connection ended) the stream is interrupted.
/// </summary>
[Manifest("live.end-ingest.v1")]
public sealed record EndIngest(string StreamId, string IngestId, bool Failed, string Reason) : ILiveStreamCommand;

/// <summary>The entity's own check: its ingest's node is not among <paramref name="LiveNodes"/> any more.</summary>
[Manifest("live.drop-dead-ingest.v1")]
public sealed record DropDeadIngest(string StreamId, IReadOnlyList<string> LiveNodes) : ILiveStreamCommand;

/// <summary>The entity's own check: no heartbeat from <paramref name="IngestId"/> for <paramref name="Silence"/>.</summary>
[Manifest("live.ingest-silent.v1")]
public sealed record IngestSilent(string StreamId, string IngestId, TimeSpan Silence) : ILiveStreamCommand;

/// <summary>Only the owner ends a stream.</summary>
[Manifest("live.end.v1")]
public sealed record EndLiveStream(string StreamId, string UserId) : ILiveStreamCommand;

/// <summary>The stream as <paramref name="ViewerId"/> may see it: the owner, or one of the owner's friends (<paramref name="ViewerFriendIds"/>).</summary>
[Manifest("live.get.v1")]
public sealed record GetLiveStream(string StreamId, string ViewerId, IReadOnlyList<string> ViewerFriendIds) : ILiveStreamCommand;

/// <summary>
/// A node served <paramref name="ViewerId"/> (already allowed to watch) the stream's media: counted as watching for
/// <see cref="LiveViewerPresence.Expiry"/>. Told, never answered; kept in memory only.
/// </summary>
[Manifest("live.viewer-seen.v1")]
public sealed record RecordLiveViewer(string StreamId, string ViewerId) : ILiveStreamCommand;
