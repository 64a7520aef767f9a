using Akka.Actor;
using MediaPlatform.Actors.Entities;

namespace MediaPlatform.Actors.Trending;

/// <summary>
/// A title's durable daily view count, sharded by title id; rules in <see cref="TitleViewCountState"/>. The state is
/// the product, not the events: events a snapshot covers are deleted.
/// </summary>
public sealed class TitleViewCountEntity(string titleId, EntitySettings settings, IClock clock)
    : EventSourcedEntity<TitleViewCountState, ITitleViewCountCommand, ITitleViewCountEvent>(PersistenceIdPrefix + titleId, TitleViewCountState.Empty(titleId), settings, clock)
{
    public const string PersistenceIdPrefix = "view-count-";
    public const string TypeName = "title-views";

    public static Props PropsFor(string titleId, EntitySettings settings, IClock clock) => Props.Create(() => new TitleViewCountEntity(titleId, settings, clock));

    protected override bool DeletesEventsBelowSnapshot => true;

    protected override Decision<ITitleViewCountEvent> Decide(TitleViewCountState state, ITitleViewCountCommand command, DateTimeOffset now) =>
        state.Handle(command, now);
}
