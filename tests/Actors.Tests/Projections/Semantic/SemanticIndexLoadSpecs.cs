using MediaPlatform.Actors.Projections.Semantic;

namespace MediaPlatform.Actors.Tests.Projections.Semantic;

/// <summary>The index's bound on vectors held (media-platform.search.semantic.max-vectors): titles first, then dialogue.</summary>
public sealed class SemanticIndexLoadSpecs
{
    private static readonly QuantizedVector V = QuantizedVector.From([1f, 0f]);

    [Fact]
    public void Windows_fill_only_the_room_the_titles_leave()
    {
        var load = new SemanticIndexLoad(null, maxVectors: 4);

        Assert.True(load.AddTitle(Title("a")));
        Assert.True(load.AddTitle(Title("b")));
        Assert.Equal(2, load.Room);
        Assert.True(load.AddWindow("a", Window(1)));
        Assert.True(load.AddWindow("a", Window(2)));
        Assert.False(load.AddWindow("b", Window(1)));
        load.Complete();

        Assert.Equal(2, load.Titles["a"].Windows.Count);
        Assert.Empty(load.Titles["b"].Windows);
        Assert.Equal(1, load.Skipped);
    }

    [Fact]
    public void A_new_title_takes_the_place_of_held_dialogue_and_titles_past_the_bound_are_skipped()
    {
        var first = new SemanticIndexLoad(null, maxVectors: 3);
        first.AddTitle(Title("a"));
        first.AddWindow("a", Window(1));
        first.AddWindow("a", Window(2));
        first.Complete();
        Assert.Equal(0, first.Skipped);

        var next = new SemanticIndexLoad(first.Titles, maxVectors: 3);
        Assert.True(next.AddTitle(Title("b")));
        Assert.True(next.AddTitle(Title("c")));
        Assert.False(next.AddTitle(Title("d")));
        next.Complete();

        Assert.Equal(["a", "b", "c"], next.Titles.Keys.Order());
        Assert.Empty(next.Titles["a"].Windows);
        Assert.Equal(3, next.Skipped); // a's two windows and title d
        Assert.Equal(2, first.Titles["a"].Windows.Count); // the held snapshot is not changed under its searches
    }

    [Fact]
    public void A_reloaded_title_frees_the_room_its_old_windows_held()
    {
        var first = new SemanticIndexLoad(null, maxVectors: 3);
        first.AddTitle(Title("a"));
        first.AddWindow("a", Window(1));
        first.AddWindow("a", Window(2));
        first.Complete();

        var next = new SemanticIndexLoad(first.Titles, maxVectors: 3);
        next.AddTitle(Title("a"));

        Assert.Equal(2, next.Room);
        Assert.Equal(0, next.Skipped);
    }

    private static TitleVectors Title(string id) => new(id, "u1", true, V, []);

    private static WindowVector Window(long startMs) => new("en", startMs, "line", V);
}
