using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MediaPlatform.Node.Tests.Api.Titles;
using MediaPlatform.Node.Tests.Support;

namespace MediaPlatform.Node.Tests.Api.Search;

/// <summary>
/// GET /api/search and the projection routes through a real node: a title's name, description and uploaded WebVTT
/// dialogue reach the catalog read model through the journal and the catalog projection; visibility follows the
/// titles listing; bad queries are 400s or empty results, never a 500 or SQL text.
/// </summary>
[Collection(TitlesCollection.Name)]
public sealed class SearchApiSpecs(TitlesNodeFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Search_finds_a_published_title_by_its_dialogue_with_the_cue_time()
    {
        var word = Word();
        var (_, owner) = await fixture.NewUserAsync();
        var id = TitleApi.Id(await TitleApi.CreateAsync(owner, $"Harbour {Word()}", "A keeper alone"));
        Assert.Equal(HttpStatusCode.OK, (await TitleApi.UploadSubtitlesAsync(owner, id, "en",
            $"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHello\n\n00:12:31.000 --> 00:12:33.000\nThe {word} is coming\n")).StatusCode);
        await new PlaybackSetup(fixture).PublishAsync(owner, id);

        var hit = default(JsonElement);
        await Eventually.AwaitAssertAsync(async () => hit = Assert.Single((await SearchAsync(fixture.Node.Http, word, "&mode=text")).GetProperty("titles").EnumerateArray()),
            Patience);

        Assert.Equal(id, hit.GetProperty("titleId").GetString());
        Assert.Equal("Dialogue", hit.GetProperty("matchedIn").GetString());
        var cue = hit.GetProperty("dialogue")[0];
        Assert.Equal(("00:12:31", $"The {word} is coming"), (cue.GetProperty("at").GetString(), cue.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task Search_finds_a_title_by_what_its_description_means_and_says_which_signals_matched()
    {
        var (_, owner) = await fixture.NewUserAsync();
        var id = TitleApi.Id(await TitleApi.CreateAsync(owner, $"Northern Catch {Word()}", "A fishing boat caught in a hurricane far from shore"));
        const string query = "films about a storm at sea";

        var hit = default(JsonElement);
        await Eventually.AwaitAssertAsync(async () =>
        {
            var page = await SearchAsync(owner, query, "&mode=semantic&limit=50");
            Assert.Equal("Semantic", page.GetProperty("mode").GetString());
            hit = page.GetProperty("titles").EnumerateArray().Single(t => t.GetProperty("titleId").GetString() == id);
        }, Patience);

        Assert.Equal(["semantic"], hit.GetProperty("signals").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("Description", hit.GetProperty("semantic").GetProperty("matchedIn").GetString());
        Assert.True(hit.GetProperty("semantic").GetProperty("similarity").GetDouble() >= 0.3);
        var hybrid = await SearchAsync(owner, query, "&limit=50");
        Assert.Equal("Hybrid", hybrid.GetProperty("mode").GetString());
        Assert.Contains(id, hybrid.GetProperty("titles").EnumerateArray().Select(t => t.GetProperty("titleId").GetString()));
        var text = await SearchAsync(owner, query, "&mode=text&limit=50");
        Assert.DoesNotContain(id, text.GetProperty("titles").EnumerateArray().Select(t => t.GetProperty("titleId").GetString()));
    }

    [Fact]
    public async Task An_unpublished_title_is_found_by_its_owner_and_not_by_others()
    {
        var word = Word();
        var (_, owner) = await fixture.NewUserAsync();
        var (_, other) = await fixture.NewUserAsync();
        var id = TitleApi.Id(await TitleApi.CreateAsync(owner, $"Draft {word}"));

        await Eventually.AwaitAssertAsync(async () =>
            Assert.Equal(id, (await SearchAsync(owner, word, "&mode=text")).GetProperty("titles")[0].GetProperty("titleId").GetString()), Patience);
        Assert.Equal(0, (await SearchAsync(other, word, "&mode=text")).GetProperty("titles").GetArrayLength());
        Assert.Equal(0, (await SearchAsync(fixture.Node.Http, word, "&mode=text")).GetProperty("titles").GetArrayLength());
    }

    [Theory]
    [InlineData("")]
    [InlineData("q=")]
    [InlineData("q=%20%20")]
    [InlineData("q=storm&limit=0")]
    [InlineData("q=storm&limit=51")]
    [InlineData("q=storm&limit=abc")]
    [InlineData("q=storm&offset=-1")]
    [InlineData("q=storm&offset=10001")]
    [InlineData("q=storm&mode=fuzzy")]
    [InlineData("q=storm&mode=")]
    public async Task Bad_search_parameters_are_a_400_problem(string query)
    {
        var response = await fixture.Node.Http.GetAsync($"/api/search?{query}");
        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_long_query_is_a_400_problem_and_a_ten_kilobyte_one_is_refused_before_it_reaches_the_node()
    {
        await AssertProblemAsync(await fixture.Node.Http.GetAsync($"/api/search?q={new string('a', 4_000)}"), HttpStatusCode.BadRequest);
        // Kestrel's request-line limit (8 KiB) answers a 10 KB query string itself.
        Assert.Equal(HttpStatusCode.RequestUriTooLong, (await fixture.Node.Http.GetAsync($"/api/search?q={new string('a', 10_000)}")).StatusCode);
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("***")]
    [InlineData("storm\" OR \"*")]
    [InlineData("NEAR(a b)")]
    [InlineData("'; DROP TABLE catalog_titles; --")]
    [InlineData("{name} : x*")]
    public async Task Search_syntax_in_a_query_is_plain_text_and_answers_200(string q)
    {
        var response = await fixture.Node.Http.GetAsync($"/api/search?q={Uri.EscapeDataString(q)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("SQL", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("fts5", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Projections_list_the_catalog_with_its_lag_and_rebuild_it_to_the_same_answers()
    {
        var word = Word();
        var (_, owner) = await fixture.NewUserAsync();
        var id = TitleApi.Id(await TitleApi.CreateAsync(owner, $"Rebuilt {word}"));
        await Eventually.AwaitAssertAsync(async () => Assert.Equal(1, (await SearchAsync(owner, word, "&mode=text")).GetProperty("titles").GetArrayLength()), Patience);
        using var admin = fixture.Node.ClientWithToken(TestNode.AdminToken);

        var catalog = default(JsonElement);
        await Eventually.AwaitAssertAsync(async () =>
        {
            var listed = await admin.GetFromJsonAsync<JsonElement>("/cluster/projections");
            catalog = listed.GetProperty("projections").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "catalog");
            Assert.Equal(0, catalog.GetProperty("eventsBehind").GetInt64());
        }, Patience);
        Assert.Equal("title", catalog.GetProperty("tag").GetString());
        Assert.True(catalog.GetProperty("offset").GetInt64() > 0);
        Assert.Equal(0, catalog.GetProperty("secondsBehind").GetDouble());

        var rebuild = await admin.PostAsync("/cluster/projections/catalog/rebuild", null);
        Assert.Equal(HttpStatusCode.Accepted, rebuild.StatusCode);
        await Eventually.AwaitAssertAsync(async () =>
            Assert.Equal(id, (await SearchAsync(owner, word, "&mode=text")).GetProperty("titles")[0].GetProperty("titleId").GetString()), Patience);

        await AssertProblemAsync(await admin.PostAsync("/cluster/projections/no-such/rebuild", null), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Node.Http.GetAsync("/cluster/projections")).StatusCode);
    }

    private static async Task<JsonElement> SearchAsync(HttpClient client, string q, string more = "")
    {
        var response = await client.GetAsync($"/api/search?q={Uri.EscapeDataString(q)}{more}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>A word no other spec on the shared node uses.</summary>
    private static string Word() => "w" + Guid.NewGuid().ToString("N")[..10];
}
