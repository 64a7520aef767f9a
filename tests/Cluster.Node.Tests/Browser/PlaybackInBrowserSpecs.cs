using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MediaPlatform.Node.Tests.Api.Titles;
using MediaPlatform.Node.Tests.Support;

namespace MediaPlatform.Node.Tests.Browser;

/// <summary>
/// End to end on a real node: a generated clip is uploaded with English SRT subtitles, the cluster probes, transcodes,
/// checks and packages it until the title is published, and the player page plays it in headless Chromium: the viewer
/// (whose browser prefers French) turns the subtitles on and sees a cue at its time, picks a fixed quality, sees the
/// thumbnail of the hovered moment over the seek bar, mutes with M, is told why an unpublished or unknown title does
/// not play, and after a reload resumes where it paused.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PlaybackInBrowserSpecs(NodeFixture fixture)
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan PlayTimeout = TimeSpan.FromSeconds(90);

    /// <summary>A cue on screen at every moment from 0.2 s to 9.8 s, so whenever the check looks one is due.</summary>
    private static readonly (double Start, double End, string Text)[] Cues =
        Enumerable.Range(0, 8).Select(i => (0.2 + i * 1.2, 0.2 + i * 1.2 + 1.15, $"Cue number {i + 1}")).ToArray();

    private static string Srt => string.Concat(Cues.Select((c, i) => $"{i + 1}\n{Time(c.Start)} --> {Time(c.End)}\n{c.Text}\n\n"));

    [Fact]
    public async Task An_uploaded_clip_must_be_published_and_play_in_headless_chromium_with_subtitles_quality_previews_and_keys()
    {
        var (owner, token) = await NewOwnerAsync();
        var titleId = TitleApi.Id(await TitleApi.CreateAsync(owner, "Browser playback"));
        Assert.Equal(HttpStatusCode.OK, (await TitleApi.UploadSubtitlesAsync(owner, titleId, "en", Srt)).StatusCode);
        var clip = await TestClip.Mp4Async(seconds: 10, width: 640, height: 360);
        var upload = await TitleApi.UploadSourceAsync(owner, titleId, clip);
        Assert.True(upload.StatusCode == HttpStatusCode.OK, $"upload answered {(int)upload.StatusCode}: {await upload.Content.ReadAsStringAsync()}");
        var pending = TitleApi.Id(await TitleApi.CreateAsync(owner, "Still to come"));

        await WaitUntilPublishedAsync(owner, titleId);

        var outcome = await BrowserCheck.PlayAsync(fixture.Node.Http.BaseAddress!, titleId, PlayTimeout,
            ["--subtitles", "en", "--switch-quality", "--thumbnails", "--pending", pending, "--resume"], screenshotName: "playback-" + titleId, token: token);
        Assert.True(outcome.Passed, $"title {titleId} did not play in Chromium (screenshot in {BrowserCheck.ScreenshotFolder}): {outcome}");
        var result = outcome.Result!.Value;
        Assert.Equal(2, result.GetProperty("levels").GetArrayLength()); // 240p and 360p from a 640x360 source
        Assert.True(result.GetProperty("currentTime").GetDouble() > 3);
        Assert.Equal(JsonValueKind.Null, result.GetProperty("fatalError").ValueKind);

        // The cue on screen is one of the source's, shown for its own span: its times are the source's, moved only by
        // the video's first-picture delay (the same for start and end).
        var shown = result.GetProperty("shownCue").GetProperty("cue");
        var source = Cues.Single(c => c.Text == shown.GetProperty("text").GetString());
        var shift = shown.GetProperty("startTime").GetDouble() - source.Start;
        Assert.InRange(shift, 0, 0.2);
        // hls.js maps cue times through the 90 kHz timestamp map in floating point: start and end may land 1 ms apart.
        Assert.InRange(shown.GetProperty("endTime").GetDouble() - source.End - shift, -0.0015, 0.0015);
        Assert.Equal("English", result.GetProperty("shownCue").GetProperty("track").GetProperty("label").GetString());
        // Hovering the seek bar at 10 % and 90 % of the 10 s title shows two different regions of the sprite sheet.
        var preview = result.GetProperty("thumbnails");
        Assert.True(preview.GetProperty("cues").GetInt32() >= 4);
        Assert.NotEqual(preview.GetProperty("early").GetProperty("position").GetString(), preview.GetProperty("late").GetProperty("position").GetString());
        Assert.InRange(preview.GetProperty("late").GetProperty("hoveredTime").GetDouble(), 8.5, 9.5);
        Assert.True(result.GetProperty("mutedByM").GetBoolean());
        Assert.Contains("has no video yet", result.GetProperty("messages").GetProperty("pendingOwner").GetString());
        // Signed out, the published title does not play: the page says how to watch it.
        Assert.Contains("subscribe or buy this title to watch", result.GetProperty("messages").GetProperty("notEntitled").GetString());
        Assert.Equal($"/app/#/signin?next=%23%2Ftitle%2F{titleId}", result.GetProperty("offer").GetProperty("buy").GetString());
        // The page is the app's: no token box; the header offers Sign in (back to the title's page) or, with the owner's
        // session cookie, Account.
        Assert.False(result.GetProperty("tokenBox").GetBoolean());
        Assert.Equal($"/app/#/signin?next=%23%2Ftitle%2F{pending}", result.GetProperty("header").GetProperty("anonymous").GetProperty("signIn").GetString());
        Assert.True(result.GetProperty("header").GetProperty("owner").GetProperty("account").GetBoolean());
        // Watch history: the paused position was stored, a reload resumed near it, ?t= won, the app lists the title.
        var resume = result.GetProperty("resume");
        Assert.InRange(resume.GetProperty("afterReload").GetProperty("currentTime").GetDouble() - resume.GetProperty("pausedAt").GetDouble(), -1.5, 1.5);
        Assert.Contains(resume.GetProperty("home").EnumerateArray(), c => c.GetProperty("titleId").GetString() == titleId);
    }

    [Fact]
    public async Task A_title_still_transcoding_must_play_for_its_owner_past_what_was_encoded_when_it_started()
    {
        var (owner, token) = await NewOwnerAsync();
        var titleId = TitleApi.Id(await TitleApi.CreateAsync(owner, "Still transcoding"));
        // Long enough that its encode outlasts the browser's start and the first seconds of playback here.
        var clip = await Api.Titles.Pipeline.PipelineClips.GoodAsync(30, 1280, 720);
        Assert.Equal(HttpStatusCode.OK, (await TitleApi.UploadSourceAsync(owner, titleId, clip)).StatusCode);

        var deadline = DateTime.UtcNow + PublishTimeout;
        while ((await owner.GetAsync($"/media/titles/{titleId}/master.m3u8")).StatusCode != HttpStatusCode.OK)
        {
            var status = TitleApi.Status(await TitleApi.GetAsync(owner, titleId));
            Assert.True(status is "SourceUploaded" or "Probing" or "Probed" or "Transcoding", $"title {titleId} got to {status} before it was playable");
            Assert.True(DateTime.UtcNow < deadline, $"title {titleId} never became playable");
            await Task.Delay(100);
        }

        var outcome = await BrowserCheck.PlayAsync(fixture.Node.Http.BaseAddress!, titleId, PlayTimeout, ["--processing"],
            screenshotName: "processing-" + titleId, token: token);
        Assert.True(outcome.Passed, $"title {titleId} did not play while transcoding (screenshot in {BrowserCheck.ScreenshotFolder}): {outcome}");
        var processing = outcome.Result!.Value.GetProperty("processing");
        Assert.True(processing.GetProperty("playedTo").GetDouble() > processing.GetProperty("atStart").GetProperty("seconds").GetDouble());
    }

    private static string Time(double seconds) => TimeSpan.FromSeconds(seconds).ToString(@"hh\:mm\:ss\,fff", System.Globalization.CultureInfo.InvariantCulture);

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

    private async Task<(HttpClient Client, string Token)> NewOwnerAsync()
    {
        var token = (await fixture.Node.Api.NewUserAsync("player", "Viewer")).Token;
        return (fixture.Node.ClientWithToken(token), token);
    }
}
