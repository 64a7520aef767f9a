using MediaPlatform.Actors.Live;
using MediaPlatform.Actors.Tests.Support;

namespace MediaPlatform.Actors.Tests.Live;

public sealed class LiveIndexStateSpecs
{
    private static readonly DateTimeOffset T0 = new(2026, 6, 1, 20, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_owners_index_must_list_their_newest_streams_first_once_each_and_forget_the_oldest_beyond_its_bound()
    {
        var state = LiveIndexState.Empty("u-1");
        for (var i = 1; i <= LiveIndexState.MaxStreams + 1; i++)
            state = Decisions.Accept(state, state.Handle(new IndexLiveStream("u-1", $"ls-{i}"), T0)).State;
        Assert.Empty(Decisions.Accept(state, state.Handle(new IndexLiveStream("u-1", "ls-3"), T0)).Events);
        var view = Assert.IsType<LiveIndexView>(Decisions.Accept(state, state.Handle(new GetLiveIndex("u-1"), T0)).Reply);
        Assert.Equal(LiveIndexState.MaxStreams, view.StreamIds.Count);
        Assert.Equal($"ls-{LiveIndexState.MaxStreams + 1}", view.StreamIds[0]);
        Assert.DoesNotContain("ls-1", view.StreamIds);
    }
}
