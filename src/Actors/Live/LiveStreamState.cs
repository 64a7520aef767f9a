using System.Text.Json.Serialization;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Actors.Live;

/// <summary>
/// One live stream: its owner, the hash of its key, where it is (idle, live, interrupted, ended) and through which
/// ingest (id and node) it is on air. Pure. Facts the stream cannot know itself (the viewer's friends, which nodes are
/// still in the cluster, whether heartbeats stopped) arrive in commands.
/// </summary>
[Manifest("live.state.v1")]
public sealed partial record LiveStreamState(
    string StreamId,
    bool Exists,
    string OwnerId,
    string Title,
    string KeyHash,
    LiveStreamStatus Status,
    string? IngestId,
    string? IngestNode,
    int Sessions,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    string? InterruptReason,
    LiveEndReason? EndReason,
    string? EndDetail) : IEntityState<LiveStreamState, ILiveStreamEvent>, IProtocolMessage
{
    public const int MaxTitleLength = 120;
    public const int MaxReasonLength = 500;

    public static LiveStreamState Empty(string streamId) => new(streamId, false, "", "", "", LiveStreamStatus.Idle, null, null, 0,
        DateTimeOffset.UnixEpoch, null, null, null, null, null);

    [JsonIgnore] public bool OnAir => Status == LiveStreamStatus.Live;

    public LiveStreamState Apply(ILiveStreamEvent @event) => @event switch
    {
        LiveStreamCreated e => this with { Exists = true, OwnerId = e.OwnerId, Title = e.Title, KeyHash = e.KeyHash, CreatedAt = e.At },
        LiveIngestStarted e => this with
        {
            Status = LiveStreamStatus.Live, IngestId = e.IngestId, IngestNode = e.Node, Sessions = Sessions + 1,
            StartedAt = StartedAt ?? e.At, InterruptReason = null,
        },
        LiveIngestInterrupted e => this with { Status = LiveStreamStatus.Interrupted, InterruptReason = e.Reason },
        LiveStreamEnded e => this with { Status = LiveStreamStatus.Ended, EndReason = e.Reason, EndDetail = e.Detail, EndedAt = e.At },
        _ => this,
    };

    public LiveStreamView View() => new(StreamId, OwnerId, Title, Status, OnAir ? IngestNode : null, Sessions, CreatedAt, StartedAt, EndedAt,
        Status == LiveStreamStatus.Interrupted ? InterruptReason : null, EndReason, EndDetail);
}
