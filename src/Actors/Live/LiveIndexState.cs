using System.Collections.Immutable;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Actors.Live;

/// <summary>
/// The live streams one user created, newest last, bounded (the oldest falls off): where "streams of my friends"
/// looks. Each stream stays the truth of whether it is on air.
/// </summary>
[Manifest("live-index.state.v1")]
public sealed record LiveIndexState(string OwnerId, ImmutableList<string> StreamIds) : IEntityState<LiveIndexState, ILiveIndexEvent>, IProtocolMessage
{
    public const int MaxStreams = 5;

    public static LiveIndexState Empty(string ownerId) => new(ownerId, ImmutableList<string>.Empty);

    public Decision<ILiveIndexEvent> Handle(ILiveIndexCommand command, DateTimeOffset now) => command switch
    {
        GetLiveIndex => Decide.Reply<ILiveIndexEvent>(View()),
        IndexLiveStream c when string.IsNullOrWhiteSpace(c.StreamId) => Decide.Reject<ILiveIndexEvent>(Rejection.Invalid("a stream id is needed")),
        IndexLiveStream c => StreamIds.Contains(c.StreamId) ? Decide.Reply<ILiveIndexEvent>(View())
            : Decide.Persist(this, new LiveStreamIndexed(c.StreamId, now), s => s.View()),
        _ => Decide.Reject<ILiveIndexEvent>(Rejection.Invalid($"unknown live index command {command.GetType().Name}")),
    };

    public LiveIndexState Apply(ILiveIndexEvent @event) => @event switch
    {
        LiveStreamIndexed e => this with { StreamIds = (StreamIds.Count >= MaxStreams ? StreamIds.RemoveAt(0) : StreamIds).Add(e.StreamId) },
        _ => this,
    };

    public LiveIndexView View() => new(OwnerId, StreamIds.Reverse().ToList());
}
