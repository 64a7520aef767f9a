using MediaPlatform.Node.Tests.Api.Live;
using MediaPlatform.Node.Tests.Api.Parties;
using MediaPlatform.Node.Tests.Support;
using Xunit.Abstractions;

namespace MediaPlatform.Node.Tests.Browser;

/// <summary>
/// The watch page's live mode in headless Chromium: ffmpeg broadcasts a test pattern to the node, and the owner's friend
/// finds the stream in the page's "Friends live now" list, follows "Watch live" and plays it (LIVE, video advancing).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LiveInBrowserSpecs(NodeFixture fixture, ITestOutputHelper output)
{
    private Uri Node => fixture.Node.Http.BaseAddress!;

    [Fact]
    public async Task A_friend_opens_a_live_stream_from_the_watch_page_and_it_plays_live()
    {
        var owner = await PartyPeople.SignUpAsync(Node, "livepage");
        var friend = await PartyPeople.SignUpAsync(Node, "livepage");
        await PartyPeople.BefriendAsync(owner, friend);
        var stream = await LivePeople.StreamAsync(owner, "Live in the browser");
        await using var broadcaster = Broadcaster.Start(Node, stream.Id, stream.Key);
        await Eventually.AwaitAsync(async () =>
        {
            Assert.False(broadcaster.Exited, "ffmpeg stopped broadcasting");
            return await LivePeople.StatusAsync(owner, stream.Id) == "Live";
        }, TimeSpan.FromSeconds(20), "the stream to go live");

        var outcome = await BrowserCheck.RunScriptAsync("watch-live.mjs", TimeSpan.FromSeconds(60),
            new Dictionary<string, string> { ["PLAYER_SESSION"] = friend.Token }, Node.ToString(), stream.Id, "--timeout-ms", "30000");
        output.WriteLine(outcome.ToString());
        Assert.True(outcome.Passed, $"the friend's page did not play the live stream: {outcome}");
        var result = outcome.Result!.Value;
        output.WriteLine($"live page opened → playing: {result.GetProperty("playingMs").GetInt32()} ms; → 3 s played: {result.GetProperty("advancedMs").GetInt32()} ms");
    }
}
