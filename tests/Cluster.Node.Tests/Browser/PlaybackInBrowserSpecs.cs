using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MediaPlatform.Node.Tests.Api.Titles;
using MediaPlatform.Node.Tests.Support;

namespace MediaPlatform.Node.Tests.Browser;

/// <summary>
/// End to end on a real node: a generated clip is uploaded, the cluster probes, transcodes, checks and packages it
/// until the title is published, and the player page plays it in headless Chromium.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PlaybackInBrowserSpecs(NodeFixture fixture)
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan PlayTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task An_uploaded_clip_must_be_published_and_play_in_headless_chromium()
    {
        var owner = await NewOwnerAsync();
        var titleId = TitleApi.Id(await TitleApi.CreateAsync(owner, "Browser playback"));
        var clip = await TestClip.Mp4Async(seconds: 10, width: 640, height: 360);
        var upload = await TitleApi.UploadSourceAsync(owner, titleId, clip);
        Assert.True(upload.StatusCode == HttpStatusCode.OK, $"upload answered {(int)upload.StatusCode}: {await upload.Content.ReadAsStringAsync()}");

        await WaitUntilPublishedAsync(owner, titleId);

        var outcome = await BrowserCheck.PlayAsync(fixture.Node.Http.BaseAddress!, titleId, PlayTimeout);
        Assert.True(outcome.Passed, $"title {titleId} did not play in Chromium: {outcome}");
        var result = outcome.Result!.Value;
        Assert.Equal(2, result.GetProperty("levels").GetArrayLength()); // 240p and 360p from a 640x360 source
        Assert.True(result.GetProperty("currentTime").GetDouble() > 3);
        Assert.Equal(JsonValueKind.Null, result.GetProperty("fatalError").ValueKind);
    }

    /// <summary>Polls the title (as its owner: unpublished titles are private) until published; a failed title ends the wait.</summary>
    private async Task WaitUntilPublishedAsync(HttpClient owner, string titleId)
    {
        var deadline = DateTime.UtcNow + PublishTimeout;
        var last = "";
        while (DateTime.UtcNow < deadline)
        {
            var title = await TitleApi.GetAsync(owner, titleId);
            var status = TitleApi.Status(title);
            if (status == "Published") return;
            last = Describe(title);
            Assert.True(status != "Failed", $"title {titleId} failed instead of being published: {last}");
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
        Assert.Fail($"title {titleId} was not published within {PublishTimeout.TotalMinutes} min; its last status: {last}");
    }

    private static string Describe(JsonElement title)
    {
        var text = TitleApi.Status(title);
        if (title.TryGetProperty("progress", out var p) && p.ValueKind == JsonValueKind.Object)
            text += $" ({p.GetProperty("chunksDone").GetInt32()}/{p.GetProperty("chunksTotal").GetInt32()} encode jobs)";
        if (title.TryGetProperty("failure", out var f) && f.ValueKind == JsonValueKind.Object) text += $", failure: {f}";
        return text;
    }

    private async Task<HttpClient> NewOwnerAsync() => fixture.Node.ClientWithToken((await fixture.Node.Api.NewUserAsync("player", "Viewer")).Token);
}
