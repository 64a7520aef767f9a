using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Actors.Trending;

/// <summary>Every message a title's daily view count handles; routed by <see cref="TitleId"/>.</summary>
public interface ITitleViewCountCommand : IWithEntityId, IProtocolMessage
{
    string TitleId { get; }
    string IWithEntityId.EntityId => TitleId;
}

/// <summary>
/// <paramref name="Views"/> new views of the title on <paramref name="Day"/> (UTC), gathered by one node over a few
/// seconds and sent once (at most once: a node that dies before sending loses them from the durable count).
/// </summary>
[Manifest("title-views.add.v1")]
public sealed record AddTitleViews(string TitleId, DateOnly Day, long Views) : ITitleViewCountCommand;

[Manifest("title-views.get.v1")]
public sealed record GetTitleViewCounts(string TitleId) : ITitleViewCountCommand;

/// <summary>Views of one day (UTC).</summary>
public sealed record DailyViews(DateOnly Day, long Views);

/// <summary>A title's views per day, newest first, and in all.</summary>
[Manifest("title-views.counts.v1")]
public sealed record TitleViewCounts(string TitleId, IReadOnlyList<DailyViews> Days, long Total) : IProtocolMessage;

public interface ITitleViewCountEvent : IProtocolMessage;

[Manifest("title-views.added.v1")]
public sealed record TitleViewsAdded(DateOnly Day, long Views, DateTimeOffset At) : ITitleViewCountEvent;
