using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MediaPlatform.Node.Tests.Api.Titles;
using MediaPlatform.Node.Tests.Support;
using static MediaPlatform.Node.Tests.Api.Titles.TitleApi;

namespace MediaPlatform.Node.Tests.Api.Quotas;

/// <summary>A source longer than media-platform.quotas.source-duration fails its title at probing, saying why.</summary>
[Collection(QuotaCollection.Name)]
public sealed class SourceDurationQuotaApiSpecs(QuotaNodeFixture fixture)
{
    [Fact]
    public async Task A_source_longer_than_the_duration_quota_must_fail_its_title_with_the_limit_as_reason()
    {
        var (_, client) = await fixture.NewUserAsync();
        var id = Id(await CreateAsync(client, "Too long"));
        using var upload = await UploadSourceAsync(client, id, await TestClip.Mp4Async(seconds: 4));
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        using var start = await client.PostAsync($"/api/titles/{id}/transcode", null);
        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);

        JsonElement title = default;
        await Eventually.AwaitAsync(async () =>
        {
            title = await client.GetFromJsonAsync<JsonElement>($"/api/titles/{id}");
            return Status(title) is "Failed" or "Transcoding" or "Packaging" or "QualityCheck" or "Published";
        }, TimeSpan.FromSeconds(60), "the title to be probed");

        Assert.Equal("Failed", Status(title));
        var reason = title.GetProperty("failure").GetProperty("reason").GetString()!;
        Assert.Contains("media-platform.quotas.source-duration", reason);
        Assert.Contains("2s", reason);
    }
}
