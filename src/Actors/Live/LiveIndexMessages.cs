using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Actors.Live;

/// <summary>Every message a user's live index handles; routed by <see cref="OwnerId"/>.</summary>
public interface ILiveIndexCommand : IWithEntityId, IProtocolMessage
{
    string OwnerId { get; }
    string IWithEntityId.EntityId => OwnerId;
}

/// <summary>The owner created the stream.</summary>
[Manifest("live-index.add.v1")]
public sealed record IndexLiveStream(string OwnerId, string StreamId) : ILiveIndexCommand;

[Manifest("live-index.get.v1")]
public sealed record GetLiveIndex(string OwnerId) : ILiveIndexCommand;

/// <summary>The stream ids a user owns, newest first (each stream itself says whether it is on air).</summary>
[Manifest("live-index.view.v1")]
public sealed record LiveIndexView(string OwnerId, IReadOnlyList<string> StreamIds) : IProtocolMessage;

public interface ILiveIndexEvent : IProtocolMessage;

[Manifest("live-index.added.v1")]
public sealed record LiveStreamIndexed(string StreamId, DateTimeOffset At) : ILiveIndexEvent;
