using System.Net;
using System.Text.Json;
using MediaPlatform.Node.Tests.Api.Titles;
using static MediaPlatform.Node.Tests.Api.Titles.TitleApi;

namespace MediaPlatform.Node.Tests.Api.Quotas;

/// <summary>Stored source bytes and titles transcoding at once per user, through the real HTTP host with small quotas.</summary>
[Collection(QuotaCollection.Name)]
public sealed class UploadQuotaApiSpecs(QuotaNodeFixture fixture)
{
    private const int Upload = 400 * 1024; // two of them pass the 600 KiB budget

    [Fact]
    public async Task Uploads_beyond_the_stored_bytes_quota_must_get_413_naming_the_limit_and_a_replaced_source_must_count_once()
    {
        var (_, client) = await fixture.NewUserAsync();
        var (first, second) = (Id(await CreateAsync(client, "First")), Id(await CreateAsync(client, "Second")));
        var body = new byte[Upload];

        Assert.Equal(HttpStatusCode.OK, (await UploadSourceAsync(client, first, body)).StatusCode);
        var detail = await AssertProblemAsync(await UploadSourceAsync(client, second, body), HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("media-platform.quotas.stored-source-bytes", detail);
        Assert.Contains($"{QuotaNodeFixture.StoredSourceBytes}", detail);
        // A body without a declared length is held at the most an upload may be, and refused the same way.
        await AssertProblemAsync(await UploadSourceAsync(client, second, body, chunked: true), HttpStatusCode.RequestEntityTooLarge);

        // Replacing the first title's source does not count its old one too.
        Assert.Equal(HttpStatusCode.OK, (await UploadSourceAsync(client, first, body)).StatusCode);
    }

    [Fact]
    public async Task Concurrent_uploads_must_not_together_pass_the_stored_bytes_quota()
    {
        var (_, client) = await fixture.NewUserAsync();
        var titles = new List<string>();
        for (var i = 0; i < 4; i++) titles.Add(Id(await CreateAsync(client, $"Concurrent {i}")));

        var answers = await Task.WhenAll(titles.Select(t => UploadSourceAsync(client, t, new byte[Upload])));

        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a => Assert.Equal(HttpStatusCode.RequestEntityTooLarge, a.StatusCode));
    }

    [Fact]
    public async Task Starting_more_transcodes_at_once_than_the_quota_must_get_429_naming_the_limit()
    {
        var (_, client) = await fixture.NewUserAsync();
        var clip = await TestClip.Mp4Async(seconds: 1);
        var (first, second) = (Id(await CreateAsync(client, "Busy one")), Id(await CreateAsync(client, "Busy two")));
        Assert.Equal(HttpStatusCode.OK, (await UploadSourceAsync(client, first, clip)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await UploadSourceAsync(client, second, clip)).StatusCode);

        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync($"/api/titles/{first}/transcode", null)).StatusCode);
        var detail = await AssertProblemAsync(await client.PostAsync($"/api/titles/{second}/transcode", null), HttpStatusCode.TooManyRequests);
        Assert.Contains("media-platform.quotas.transcoding-titles", detail);
        Assert.Contains("1", detail);
        // Asking again for the title that holds the slot is fine.
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync($"/api/titles/{first}/transcode", null)).StatusCode);
    }
}
