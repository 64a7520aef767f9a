using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using MediaPlatform.Node.Tests.Api.Titles;
using MediaPlatform.Testing.Api;
using Xunit.Abstractions;

namespace MediaPlatform.Node.Tests.Browser;

/// <summary>
/// The viewer's whole journey on a 3-node cluster in headless Chromium (tests/Browser/app-flows.mjs journey): an owner
/// publishes a clip with English subtitles through node 2; a new viewer signs up, adds a card and subscribes on node 1,
/// then, with the same session cookie, opens the title on node 3, plays it with the subtitles on (a cue shown at its
/// time), switches quality and signs out. Runs in the browser collection, so never beside the other browser specs.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ClusterJourneyInBrowserSpecs(ThreeNodeClusterFixture fixture, ITestOutputHelper output) : IClassFixture<ThreeNodeClusterFixture>
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(3);

    /// <summary>A cue on screen at every moment from 0.2 s to 5.8 s.</summary>
    private static readonly (double Start, double End, string Text)[] Cues =
        Enumerable.Range(0, 7).Select(i => (0.2 + i * 0.8, 0.2 + i * 0.8 + 0.78, $"Line {i + 1}")).ToArray();

    [Fact]
    public async Task A_viewer_subscribes_on_one_node_and_watches_with_subtitles_on_another_with_the_same_session()
    {
        var titleId = await PublishedTitleWithSubtitlesAsync();
        Directory.CreateDirectory(BrowserCheck.ScreenshotFolder);
        var screenshot = Path.Combine(BrowserCheck.ScreenshotFolder, $"app-journey-{DateTime.UtcNow:yyyyMMdd-HHmmss}.png");
        var outcome = await BrowserCheck.RunScriptAsync("app-flows.mjs", TimeSpan.FromMinutes(4),
            [fixture.Cluster.BaseAddresses[0].ToString(), "journey", "--title", titleId, "--other", fixture.Cluster.BaseAddresses[2].ToString(),
             "--screenshot", screenshot, "--timeout-ms", "60000"]);
        output.WriteLine(outcome.Stdout);
        Assert.True(outcome.Passed, $"the 3-node journey failed (screenshot: {screenshot}): {outcome}");
        var result = outcome.Result!.Value;

        Assert.StartsWith("Active", result.GetProperty("planStatus").GetString());
        Assert.True(result.GetProperty("playerSignedIn").GetBoolean()); // node 3's watch page knows node 1's session
        var cue = result.GetProperty("shownCue");
        var source = Cues.Single(c => c.Text == cue.GetProperty("text").GetString());
        Assert.InRange(cue.GetProperty("startTime").GetDouble() - source.Start, 0, 0.2); // shown at the source's time
        Assert.InRange(cue.GetProperty("currentTime").GetDouble(), cue.GetProperty("startTime").GetDouble(), cue.GetProperty("endTime").GetDouble());
        Assert.StartsWith(result.GetProperty("quality").GetProperty("to").GetInt32() == 0 ? "240p" : "360p",
            result.GetProperty("quality").GetProperty("label").GetString());
        Assert.Contains("#/signin?next=", result.GetProperty("finalUrl").GetString());
    }

    /// <summary>An owner on node 2 uploads a 640x360 clip (two rungs) with English subtitles and waits for it to publish.</summary>
    private async Task<string> PublishedTitleWithSubtitlesAsync()
    {
        using var anonymous = fixture.Client(1);
        var user = await new ApiClient(anonymous).NewUserAsync("journey-owner", "Owner");
        using var owner = fixture.Client(1);
        owner.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", user.Token);
        var titleId = TitleApi.Id(await TitleApi.CreateAsync(owner, "Journey clip"));
        var srt = string.Concat(Cues.Select((c, i) => $"{i + 1}\n{Time(c.Start)} --> {Time(c.End)}\n{c.Text}\n\n"));
        Assert.Equal(HttpStatusCode.OK, (await TitleApi.UploadSubtitlesAsync(owner, titleId, "en", srt)).StatusCode);
        var upload = await TitleApi.UploadSourceAsync(owner, titleId, await TestClip.Mp4Async(seconds: 6, width: 640, height: 360));
        Assert.True(upload.StatusCode == HttpStatusCode.OK, $"upload answered {(int)upload.StatusCode}: {await upload.Content.ReadAsStringAsync()}");

        await Eventually.AwaitAsync(async () =>
        {
            var title = await TitleApi.GetAsync(owner, titleId);
            Assert.NotEqual("Failed", TitleApi.Status(title));
            return TitleApi.Status(title) == "Published";
        }, PublishTimeout, $"title {titleId} published", TimeSpan.FromSeconds(1));
        return titleId;
    }

    private static string Time(double seconds) => TimeSpan.FromSeconds(seconds).ToString(@"hh\:mm\:ss\,fff", System.Globalization.CultureInfo.InvariantCulture);
}
