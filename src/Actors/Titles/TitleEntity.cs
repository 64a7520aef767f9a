using Akka.Actor;
using MediaPlatform.Actors.Entities;

namespace MediaPlatform.Actors.Titles;

/// <summary>One title, sharded by title id. All rules are in <see cref="TitleState"/>.</summary>
public sealed class TitleEntity(string titleId, EntitySettings settings, IClock clock)
    : EventSourcedEntity<TitleState, ITitleCommand, ITitleEvent>(PersistenceIdPrefix + titleId, TitleState.Empty(titleId), settings, clock)
{
    public const string TypeName = "title";
    public const string PersistenceIdPrefix = "title-";

    public static Props PropsFor(string titleId, EntitySettings settings, IClock clock) =>
        Props.Create(() => new TitleEntity(titleId, settings, clock));

    protected override Decision<ITitleEvent> Decide(TitleState state, ITitleCommand command, DateTimeOffset now) =>
        state.Handle(command, now);
}
