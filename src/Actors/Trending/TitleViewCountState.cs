using System.Collections.Immutable;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Actors.Trending;

/// <summary>
/// A title's durable view count per UTC day (the last <see cref="KeptDays"/> days) and its total. Fed in batches by
/// each node's trending recorder, so a popular title costs one event per node every few seconds, not one per view.
/// </summary>
[Manifest("title-views.state.v1")]
public sealed record TitleViewCountState(string TitleId, ImmutableSortedDictionary<DateOnly, long> Days, long Total)
    : IEntityState<TitleViewCountState, ITitleViewCountEvent>, IProtocolMessage
{
    public const int KeptDays = 400;

    /// <summary>One batch can hold no more than this (a node's few seconds of views).</summary>
    public const long MaxBatch = 10_000_000;

    public static TitleViewCountState Empty(string titleId) => new(titleId, ImmutableSortedDictionary<DateOnly, long>.Empty, 0);

    public Decision<ITitleViewCountEvent> Handle(ITitleViewCountCommand command, DateTimeOffset now) => command switch
    {
        GetTitleViewCounts => Decide.Reply<ITitleViewCountEvent>(View()),
        AddTitleViews c when c.Views is < 1 or > MaxBatch => Decide.Reject<ITitleViewCountEvent>(Rejection.Invalid($"views must be 1 to {MaxBatch}")),
        AddTitleViews c => Decide.Persist(this, new TitleViewsAdded(c.Day, c.Views, now), s => s.View()),
        _ => Decide.Reject<ITitleViewCountEvent>(Rejection.Invalid($"unknown view count command {command.GetType().Name}")),
    };

    public TitleViewCountState Apply(ITitleViewCountEvent @event) => @event switch
    {
        TitleViewsAdded e => Keep(this with { Days = Days.SetItem(e.Day, Days.GetValueOrDefault(e.Day) + e.Views), Total = Total + e.Views }),
        _ => this,
    };

    private static TitleViewCountState Keep(TitleViewCountState state) =>
        state.Days.Count <= KeptDays ? state : state with { Days = state.Days.RemoveRange(state.Days.Keys.Take(state.Days.Count - KeptDays)) };

    public TitleViewCounts View() => new(TitleId, Days.Reverse().Select(d => new DailyViews(d.Key, d.Value)).ToList(), Total);
}
