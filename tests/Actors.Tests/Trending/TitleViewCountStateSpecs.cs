using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Tests.Support;
using MediaPlatform.Actors.Trending;

namespace MediaPlatform.Actors.Tests.Trending;

public sealed class TitleViewCountStateSpecs
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 20, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Day = new(2026, 5, 1);

    private static TitleViewCountState Add(TitleViewCountState state, DateOnly day, long views) =>
        Decisions.Accept(state, state.Handle(new AddTitleViews("t", day, views), Now)).State;

    [Fact]
    public void Batches_must_add_up_per_day_newest_day_first()
    {
        var state = Add(Add(Add(TitleViewCountState.Empty("t"), Day, 3), Day, 4), Day.AddDays(1), 2);
        var view = state.View();
        Assert.Equal(9, view.Total);
        Assert.Equal([new DailyViews(Day.AddDays(1), 2), new DailyViews(Day, 7)], view.Days);
    }

    [Fact]
    public void Only_the_last_kept_days_must_stay_while_the_total_keeps_everything()
    {
        var state = TitleViewCountState.Empty("t");
        for (var i = 0; i < TitleViewCountState.KeptDays + 5; i++) state = Add(state, Day.AddDays(i), 1);
        Assert.Equal(TitleViewCountState.KeptDays, state.Days.Count);
        Assert.Equal(TitleViewCountState.KeptDays + 5, state.Total);
        Assert.Equal(Day.AddDays(5), state.Days.Keys.First());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void Empty_or_negative_batches_must_be_refused(long views) =>
        Decisions.Refused(TitleViewCountState.Empty("t").Handle(new AddTitleViews("t", Day, views), Now), RejectionKind.Invalid);
}
