using MediaPlatform.Actors.Live;

namespace MediaPlatform.Node.Api.Live;

/// <summary>POST /api/live: an optional title shown to friends.</summary>
public sealed record CreateLiveStreamRequest(string? Title);

/// <summary>
/// The answer to POST /api/live: the stream's id, its key (shown this once; only its hash is kept) and the URL a
/// broadcaster pushes to (any node's works the same).
/// </summary>
public sealed record LiveStreamCreatedResponse(string Id, string StreamKey, string IngestUrl, string PlaybackUrl, LiveStreamView Stream);

/// <summary>GET /api/live: the caller's friends' streams that are on air or interrupted.</summary>
public sealed record LiveStreamListResponse(IReadOnlyList<LiveStreamView> Streams);

/// <summary>What a friend's connection to /hubs/live receives as "liveStarted" when a stream goes on air.</summary>
public sealed record LiveStartedMessage(string StreamId, string OwnerId, string Title, bool Resumed, string PlaybackUrl, DateTimeOffset At);
