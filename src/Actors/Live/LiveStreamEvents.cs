using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Actors.Live;

/// <summary>Every event a live stream persists.</summary>
public interface ILiveStreamEvent : IProtocolMessage;

[Manifest("live.created.v1")]
public sealed record LiveStreamCreated(string StreamId, string OwnerId, string Title, string KeyHash, DateTimeOffset At) : ILiveStreamEvent;

/// <summary>A broadcaster went on air through node <paramref name="Node"/>; <paramref name="Resumed"/> after an interruption.</summary>
[Manifest("live.ingest-started.v1")]
public sealed record LiveIngestStarted(string IngestId, string Node, bool Resumed, DateTimeOffset At) : ILiveStreamEvent;

[Manifest("live.interrupted.v1")]
public sealed record LiveIngestInterrupted(string IngestId, string Reason, DateTimeOffset At) : ILiveStreamEvent;

[Manifest("live.ended.v1")]
public sealed record LiveStreamEnded(LiveEndReason Reason, string Detail, DateTimeOffset At) : ILiveStreamEvent;
