namespace MediaPlatform.Actors.Projections.Views;

/// <summary>Views of one title on one UTC day.</summary>
public sealed record DayViews(DateOnly Day, long Views);

/// <summary>A title's views per UTC day (newest first, at most <see cref="DailyViewsReader.MaxDays"/>) and in all.</summary>
public sealed record TitleDailyViews(string TitleId, long Total, IReadOnlyList<DayViews> Days);
