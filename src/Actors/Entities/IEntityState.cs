namespace MediaPlatform.Actors.Entities;

/// <summary>
/// The pure half of an event-sourced entity: <c>Apply</c> folds an event into a new state. Each state also has a
/// <c>Handle(command, now)</c> returning a <see cref="Decision{TEvent}"/>; business rules live there, never in the actor.
/// </summary>
public interface IEntityState<TSelf, in TEvent> where TSelf : IEntityState<TSelf, TEvent>
{
    TSelf Apply(TEvent @event);
}
