using Akka.Actor;
using MediaPlatform.Actors.Entities;

namespace MediaPlatform.Actors.Live;

/// <summary>One user's live index, sharded by user id; rules in <see cref="LiveIndexState"/>.</summary>
public sealed class LiveIndexEntity(string ownerId, EntitySettings settings, IClock clock)
    : EventSourcedEntity<LiveIndexState, ILiveIndexCommand, ILiveIndexEvent>(PersistenceIdPrefix + ownerId, LiveIndexState.Empty(ownerId), settings, clock)
{
    public const string PersistenceIdPrefix = "live-index-";
    public const string TypeName = "live-index";

    public static Props PropsFor(string ownerId, EntitySettings settings, IClock clock) => Props.Create(() => new LiveIndexEntity(ownerId, settings, clock));

    /// <summary>A bounded hint list (each stream or party stays the truth): its history is not the product.</summary>
    protected override bool DeletesEventsBelowSnapshot => true;

    protected override Decision<ILiveIndexEvent> Decide(LiveIndexState state, ILiveIndexCommand command, DateTimeOffset now) => state.Handle(command, now);
}
