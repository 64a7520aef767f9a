using System.Text.Json;
using MediaPlatform.Node.Tests.Support;
using MediaPlatform.Testing;
using MediaPlatform.Testing.Media;

namespace MediaPlatform.Node.Tests.Browser;

/// <summary>
/// The web app (/app/) in headless Chromium on the browser collection's node, as a person uses it
/// (tests/Browser/app-flows.mjs). Each run fails on any console or page error, and leaves a full-page screenshot in
/// the test output folder (browser-failures/) when it fails.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WebAppInBrowserSpecs(NodeFixture fixture)
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_new_viewer_signs_up_signs_in_adds_a_card_subscribes_changes_plan_and_signs_out()
    {
        var result = await RunAsync("subscribe");
        Assert.Contains("commonly used", Text(result, "commonPasswordMessage")); // the API's policy, in its words
        Assert.StartsWith("An account with this email already exists", Text(result, "emailTakenMessage"));
        Assert.StartsWith("Active", Text(result, "planStatus"));
        Assert.Equal("", Text(result, "scriptSeesCookie")); // HttpOnly: the page's script never sees the session
        Assert.DoesNotContain("4242 4242", Text(result, "cardShownAs"));
        Assert.Contains("#/signin?next=", Text(result, "finalUrl"));
        Assert.Contains(Text(result, "changeShown"), Text(result, "changeInvoice")); // the prorated amount shown is the one invoiced
    }

    [Fact]
    public async Task A_viewer_accepts_a_friend_request_cancels_their_own_removes_a_friend_and_signs_out_everywhere()
    {
        var result = await RunAsync("friends");
        Assert.Contains("No friends yet", Text(result, "friendsAfter"));
        Assert.Contains("None waiting", Text(result, "friendsAfter"));
        Assert.Equal(401, result.GetProperty("oldCookieAfterSignOutEverywhere").GetInt32());
    }

    [Fact]
    public async Task A_declined_card_shows_the_decline_reason_a_double_clicked_pay_tries_once_and_a_lock_shows_its_wait()
    {
        var result = await RunAsync("declined");
        Assert.Contains("insufficient funds", Text(result, "subscribeMessage"));
        Assert.Equal("The payment was declined: insufficient funds", Text(result, "payMessage"));
        // The subscription's own first charge and one from the double-clicked Pay button: a double click pays once.
        Assert.Equal(2, result.GetProperty("paymentAttempts").GetInt32());
        // A 429's wait is read from Retry-After and said once, in words.
        Assert.Matches(@"^This account is locked after repeated wrong passwords\. Try again in (1 minute|\d\d? seconds)\.$", Text(result, "lockMessage"));
    }

    [Fact]
    public async Task The_upload_studio_publishes_an_upload_with_progress_and_another_viewer_finds_and_buys_it()
    {
        using var folder = new TempDirectory("studio-clip");
        var clip = await Clips.WriteAsync(folder.Combine("studio-clip.mp4"), ClipArguments.TestPicture(4, 320, 240));
        var result = await RunAsync("studio", "--clip", clip);
        var bar = result.GetProperty("uploadBar");
        Assert.Equal(new FileInfo(clip).Length, bar.GetProperty("max").GetInt64());
        Assert.Equal(bar.GetProperty("max").GetInt64(), bar.GetProperty("value").GetInt64());
        Assert.Equal("Published", result.GetProperty("statusesSeen").EnumerateArray().Last().GetString());
        Assert.Equal($"/player/?title={Text(result, "titleId")}", Text(result, "watchLink"));
        var page = result.GetProperty("titlePage");
        Assert.StartsWith("Studio upload", page.GetProperty("name").GetString());
        Assert.Equal($"/player/?title={Text(result, "titleId")}", page.GetProperty("play").GetString());
        Assert.Contains("Duration4 s", page.GetProperty("facts").GetString());
        Assert.Contains("Quality240p", page.GetProperty("facts").GetString()); // 320x240 source: one rung
        Assert.Contains("is yours", Text(result, "bought"));                    // another viewer bought and paid for it
        // The frame grabbed at packaging shows as the poster in the search row and on the title page: the sharpest
        // rung's size (the one 240p rung of a 320x240 source), the source's 4:3 kept.
        foreach (var shown in new[] { result.GetProperty("cardPoster"), result.GetProperty("titlePoster") })
        {
            Assert.Equal($"/media/titles/{Text(result, "titleId")}/poster.jpg", shown.GetProperty("src").GetString());
            Assert.Equal(320, shown.GetProperty("width").GetInt32());
            Assert.Equal(240, shown.GetProperty("height").GetInt32());
        }
    }

    private async Task<JsonElement> RunAsync(string scenario, params string[] extra)
    {
        Directory.CreateDirectory(BrowserCheck.ScreenshotFolder);
        var screenshot = Path.Combine(BrowserCheck.ScreenshotFolder, $"app-{scenario}-{DateTime.UtcNow:yyyyMMdd-HHmmss}.png");
        var outcome = await BrowserCheck.RunScriptAsync("app-flows.mjs", TimeSpan.FromMinutes(4),
            [fixture.Node.Http.BaseAddress!.ToString(), scenario, "--screenshot", screenshot,
             "--timeout-ms", ((long)StepTimeout.TotalMilliseconds).ToString(), .. extra]);
        Assert.True(outcome.Passed, $"the web app's '{scenario}' flow failed (screenshot: {screenshot}): {outcome}");
        return outcome.Result!.Value;
    }

    private static string Text(JsonElement result, string property) => result.GetProperty(property).GetString() ?? "";
}
