using MediaPlatform.Actors.Titles;
using static MediaPlatform.Actors.Tests.Titles.TitleSamples;

namespace MediaPlatform.Actors.Tests.Titles;

/// <summary>The catalog's search: visibility, name matching, status filter, order and limit.</summary>
public sealed class TitleSearchSpecs
{
    private static TitleState Title(string id, string owner, string name, TitleStatus status, int minutes) =>
        TitleState.Empty(id) with { Status = status, OwnerId = owner, Name = name, CreatedAt = Now.AddMinutes(minutes) };

    private static readonly TitleState[] Titles =
    [
        Title("t1", "alice", "Mountain Holiday", TitleStatus.Published, 1),
        Title("t2", "alice", "City Lights", TitleStatus.Transcoding, 2),
        Title("t3", "bob", "Holiday at Sea", TitleStatus.Published, 3),
        Title("t4", "bob", "Secret Draft", TitleStatus.Created, 4),
        TitleState.Empty("t5"),
    ];

    private static IEnumerable<string> Ids(SearchTitles search) => TitleSearch.Run(Titles, search).Titles.Select(t => t.TitleId);

    [Fact]
    public void Anonymous_viewers_must_see_only_published_titles_newest_first() =>
        Assert.Equal(["t3", "t1"], Ids(new SearchTitles(null, null, null, false)));

    [Fact]
    public void Owners_must_also_see_their_own_titles_in_any_status_and_admins_see_all()
    {
        Assert.Equal(["t3", "t2", "t1"], Ids(new SearchTitles(null, null, "alice", false)));
        Assert.Equal(["t4", "t3", "t2", "t1"], Ids(new SearchTitles(null, null, "admin", true)));
    }

    [Fact]
    public void Every_word_of_the_query_must_appear_in_the_name_ignoring_case()
    {
        Assert.Equal(["t3", "t1"], Ids(new SearchTitles("holiday", null, null, false)));
        Assert.Equal(["t3"], Ids(new SearchTitles("SEA holi", null, null, false)));
        Assert.Empty(Ids(new SearchTitles("draft", null, "alice", false)));
    }

    [Fact]
    public void The_status_filter_and_the_limit_must_apply_and_the_total_count_every_match()
    {
        Assert.Equal(["t2"], Ids(new SearchTitles(null, TitleStatus.Transcoding, "alice", false)));
        var limited = TitleSearch.Run(Titles, new SearchTitles(null, null, "admin", true, Limit: 2));
        Assert.Equal((2, 4), (limited.Titles.Count, limited.Total));
    }
}
