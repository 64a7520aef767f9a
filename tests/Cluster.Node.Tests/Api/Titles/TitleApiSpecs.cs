using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Akka.Actor;
using MediaPlatform.Actors.Titles;
using MediaPlatform.Node.Tests.Support;
using static MediaPlatform.Node.Tests.Api.Titles.TitleApi;

namespace MediaPlatform.Node.Tests.Api.Titles;

/// <summary>Creating, reading and listing titles through the real HTTP host.</summary>
[Collection(TitlesCollection.Name)]
public sealed class TitleApiSpecs(TitlesNodeFixture fixture)
{
    private HttpClient Anonymous => fixture.Node.Http;

    [Fact]
    public async Task Create_must_answer_201_with_the_location_the_caller_as_owner_and_status_created()
    {
        var (userId, client) = await fixture.NewUserAsync();
        var response = await client.PostAsJsonAsync("/api/titles", new { name = " Holiday ", description = "Our trip" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var title = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"/api/titles/{Id(title)}", response.Headers.Location!.ToString());
        Assert.Equal((userId, "Holiday", "Created"), (title.GetProperty("ownerId").GetString(), title.GetProperty("name").GetString(), Status(title)));
        Assert.Equal(JsonValueKind.Null, title.GetProperty("playbackUrl").ValueKind);
        Assert.Equal("Holiday", (await GetAsync(client, Id(title))).GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_retried_create_with_the_same_idempotency_key_must_return_the_first_title()
    {
        var (_, client) = await fixture.NewUserAsync();
        var key = Guid.NewGuid().ToString();
        var first = await CreateAsync(client, "Once", key: key);
        var again = await CreateAsync(client, "Once", key: key);
        Assert.Equal(Id(first), Id(again));
        // The same key from another user is another title.
        var (_, other) = await fixture.NewUserAsync();
        Assert.NotEqual(Id(first), Id(await CreateAsync(other, "Once", key: key)));
    }

    [Theory]
    [InlineData("""{"name":"","description":"x"}""", "name is required")]
    [InlineData("""{"description":"x"}""", "name is required")]
    [InlineData("""{"name":"x","owner":"me"}""", "owner")]
    [InlineData("""{"name":5}""", "name")]
    public async Task Malformed_creates_must_get_400_saying_what_is_wrong(string json, string expected)
    {
        var (_, client) = await fixture.NewUserAsync();
        var response = await client.PostAsync("/api/titles", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, expected);
    }

    [Fact]
    public async Task Create_without_a_token_must_be_401()
    {
        var response = await Anonymous.PostAsJsonAsync("/api/titles", new { name = "x", description = "" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task An_unpublished_title_must_be_404_for_anyone_but_its_owner_and_admins()
    {
        var (_, owner) = await fixture.NewUserAsync();
        var id = Id(await CreateAsync(owner, "Private draft"));
        var (_, stranger) = await fixture.NewUserAsync();
        await AssertProblemAsync(await stranger.GetAsync($"/api/titles/{id}"), HttpStatusCode.NotFound, "does not exist");
        await AssertProblemAsync(await Anonymous.GetAsync($"/api/titles/{id}"), HttpStatusCode.NotFound, "does not exist");
        Assert.Equal(HttpStatusCode.OK, (await fixture.Node.ClientWithToken(TestNode.AdminToken).GetAsync($"/api/titles/{id}")).StatusCode);
        await AssertProblemAsync(await owner.GetAsync("/api/titles/t-does-not-exist"), HttpStatusCode.NotFound, "does not exist");
        await AssertProblemAsync(await owner.GetAsync("/api/titles/bad%20id"), HttpStatusCode.BadRequest, "not a valid id");
    }

    [Fact]
    public async Task Transcoding_progress_must_show_percent_and_an_eta()
    {
        var (_, client) = await fixture.NewUserAsync();
        var id = Id(await CreateAsync(client, "Progressing"));
        Assert.Equal(HttpStatusCode.OK, (await UploadSourceAsync(client, id, await fixture.ClipAsync())).StatusCode);
        await AskAsync(new StartProbe(id));
        await AskAsync(RecordProbe.Accepted(id, PlaybackSetup.Probe, PlaybackSetup.Ladder));
        await AskAsync(new RecordTranscodeProgress(id, 1, 4));
        await AskAsync(new RecordTranscodeProgress(id, 3, 4));

        var progress = (await GetAsync(client, id)).GetProperty("progress");
        Assert.Equal((3, 4, 75.0), (progress.GetProperty("chunksDone").GetInt32(), progress.GetProperty("chunksTotal").GetInt32(), progress.GetProperty("percent").GetDouble()));
        Assert.Equal(JsonValueKind.String, progress.GetProperty("estimatedCompletion").ValueKind);
        Assert.True(progress.GetProperty("estimatedCompletion").GetDateTimeOffset() >= progress.GetProperty("updatedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Listing_must_find_titles_by_name_and_status_showing_each_caller_what_they_may_see()
    {
        var word = $"zebra{Guid.NewGuid():N}"[..14];
        var (_, owner) = await fixture.NewUserAsync();
        var draft = Id(await CreateAsync(owner, $"{word} draft"));
        var live = Id(await CreateAsync(owner, $"{word} LIVE"));
        await new PlaybackSetup(fixture).PublishAsync(owner, live);

        // The catalog follows the journal: wait until it has seen both titles and the publication too.
        await Eventually.AwaitAsync(async () => (await ListAsync(owner, $"?q={word}")).Count == 2
            && (await ListAsync(owner, $"?q={word}&status=published")).Count == 1, TimeSpan.FromSeconds(15), "the catalog never showed both titles, one published");
        Assert.Equal([live], await ListAsync(owner, $"?q={word}&status=published"));
        Assert.Equal([draft], await ListAsync(owner, $"?q={word.ToUpperInvariant()}%20DRAFT&status=Created"));
        Assert.Equal([live], await ListAsync(Anonymous, $"?q={word}"));
        var (_, stranger) = await fixture.NewUserAsync();
        Assert.Equal([live], await ListAsync(stranger, $"?q={word}"));
        Assert.Empty(await ListAsync(owner, $"?q={word}-nothing"));
    }

    [Fact]
    public async Task Listing_after_a_rebuild_of_the_catalog_read_model_must_show_the_same_titles()
    {
        var word = $"rebuilt{Guid.NewGuid():N}"[..16];
        var (_, owner) = await fixture.NewUserAsync();
        var draft = Id(await CreateAsync(owner, $"{word} draft"));
        var live = Id(await CreateAsync(owner, $"{word} live"));
        await new PlaybackSetup(fixture).PublishAsync(owner, live);
        var before = "";
        await Eventually.AwaitAsync(async () => (await ListAsync(owner, $"?q={word}&status=published")).Count == 1
            && (before = await owner.GetStringAsync($"/api/titles?q={word}")).Contains(draft), TimeSpan.FromSeconds(15), "the catalog never listed both titles");
        using var admin = fixture.Node.ClientWithToken(TestNode.AdminToken);

        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync("/cluster/projections/catalog/rebuild", null)).StatusCode);

        // Emptied, then refilled from the journal: the same answer again, times, progress and all.
        await Eventually.AwaitAsync(async () => await owner.GetStringAsync($"/api/titles?q={word}") == before, TimeSpan.FromSeconds(30),
            "the rebuilt catalog did not list the same titles");
        Assert.Equal([live], await ListAsync(Anonymous, $"?q={word}"));
    }

    [Theory]
    [InlineData("?status=done", "status must be one of")]
    [InlineData("?status=0", "status must be one of")]
    [InlineData("?limit=0", "limit must be")]
    [InlineData("?limit=1000", "limit must be")]
    public async Task Listing_with_a_bad_filter_must_get_400(string query, string expected) =>
        await AssertProblemAsync(await Anonymous.GetAsync($"/api/titles{query}"), HttpStatusCode.BadRequest, expected);

    private static async Task<List<string>> ListAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync($"/api/titles{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var list = await response.Content.ReadFromJsonAsync<JsonElement>();
        return list.GetProperty("titles").EnumerateArray().Select(t => t.GetProperty("titleId").GetString()!).ToList();
    }

    private Task<TitleView> AskAsync(ITitleCommand command) => fixture.Titles.Ask<TitleView>(command, TimeSpan.FromSeconds(10));
}
