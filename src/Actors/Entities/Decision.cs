namespace MediaPlatform.Actors.Entities;

/// <summary>
/// What a pure state function decided for one command: persist these events then send this reply, or refuse.
/// </summary>
public abstract record Decision<TEvent>
{
    public sealed record Accepted(IReadOnlyList<TEvent> Events, object Reply) : Decision<TEvent>;

    public sealed record Rejected(Rejection Rejection) : Decision<TEvent>;
}

/// <summary>Shorthands that keep state functions readable.</summary>
public static class Decide
{
    /// <summary>Persist the events, then reply with what the state looks like after them.</summary>
    public static Decision<TEvent> Persist<TState, TEvent>(IEntityState<TState, TEvent> state, IReadOnlyList<TEvent> events, Func<TState, object> reply)
        where TState : IEntityState<TState, TEvent>
    {
        var after = events.Aggregate((TState)state, (s, e) => s.Apply(e));
        return new Decision<TEvent>.Accepted(events, reply(after));
    }

    public static Decision<TEvent> Persist<TState, TEvent>(IEntityState<TState, TEvent> state, TEvent @event, Func<TState, object> reply)
        where TState : IEntityState<TState, TEvent> => Persist(state, [@event], reply);

    /// <summary>Nothing to persist (a query, or a repeat of a command already applied): just reply.</summary>
    public static Decision<TEvent> Reply<TEvent>(object reply) => new Decision<TEvent>.Accepted([], reply);

    public static Decision<TEvent> Reject<TEvent>(Rejection rejection) => new Decision<TEvent>.Rejected(rejection);
}
