using MediaPlatform.Actors.Entities;

namespace MediaPlatform.Actors.Tests.Support;

/// <summary>Runs pure state decisions the way the entity does: an accepted decision's events are folded into the state.</summary>
public static class Decisions
{
    public static (TState State, IReadOnlyList<TEvent> Events, object Reply) Accept<TState, TEvent>(TState state, Decision<TEvent> decision)
        where TState : IEntityState<TState, TEvent>
    {
        var accepted = Assert.IsType<Decision<TEvent>.Accepted>(decision);
        return (accepted.Events.Aggregate(state, (s, e) => s.Apply(e)), accepted.Events, accepted.Reply);
    }

    public static Rejection Refused<TEvent>(Decision<TEvent> decision, RejectionKind kind)
    {
        var rejected = Assert.IsType<Decision<TEvent>.Rejected>(decision);
        Assert.Equal(kind, rejected.Rejection.Kind);
        Assert.False(string.IsNullOrWhiteSpace(rejected.Rejection.Message));
        return rejected.Rejection;
    }
}
