using MediaPlatform.Node.Tests.Api.Live;
using MediaPlatform.Node.Tests.Api.Parties;
using MediaPlatform.Node.Tests.Support;
using Xunit.Abstractions;

namespace MediaPlatform.Node.Tests.Browser;

/// <summary>
/// The watch page's live mode in headless Chromium: ffmpeg broadcasts a test pattern to the node, and the owner's friend
/// finds the stream in the page's "Friends live now" list, follows "Watch live" and plays it (LIVE, one viewer, video
/// advancing); the broadcaster then stops and comes back, and the same page plays on without a reload.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LiveInBrowserSpecs(NodeFixture fixture, ITestOutputHelper output)
{
    private Uri Node => fixture.Node.Http.BaseAddress!;

    [Fact]
    public async Task A_friend_opens_a_live_stream_from_the_watch_page_and_it_plays_on_after_the_broadcaster_reconnects()
    {
        var owner = await PartyPeople.SignUpAsync(Node, "livepage");
        var friend = await PartyPeople.SignUpAsync(Node, "livepage");
        await PartyPeople.BefriendAsync(owner, friend);
        var stream = await LivePeople.StreamAsync(owner, "Live in the browser");
        var playing = Path.Combine(Path.GetTempPath(), $"live-page-{Guid.NewGuid():N}.playing");
        var broadcaster = Broadcaster.Start(Node, stream.Id, stream.Key);
        try
        {
            await Eventually.AwaitAsync(async () =>
            {
                Assert.False(broadcaster.Exited, "ffmpeg stopped broadcasting");
                return await LivePeople.StatusAsync(owner, stream.Id) == "Live";
            }, TimeSpan.FromSeconds(20), "the stream to go live");

            var check = BrowserCheck.RunScriptAsync("watch-live.mjs", TimeSpan.FromSeconds(90),
                new Dictionary<string, string> { ["PLAYER_SESSION"] = friend.Token }, Node.ToString(), stream.Id,
                "--timeout-ms", "30000", "--resume-signal", playing);
            await Eventually.AwaitAsync(() => File.Exists(playing) || check.IsCompleted, TimeSpan.FromSeconds(60), "the page to play the stream");
            if (!File.Exists(playing)) Assert.Fail($"the friend's page did not play the live stream: {await check}");

            // The broadcaster stops; it comes back with the same key while the page stays open.
            await broadcaster.StopAsync(TimeSpan.FromSeconds(10));
            await Eventually.AwaitAsync(async () =>
            {
                var view = await LivePeople.GetAsync(owner, stream.Id);
                Assert.True(view.GetProperty("status").GetString() != "Ended", $"the stream ended instead of being interrupted: {view}");
                return view.GetProperty("status").GetString() == "Interrupted";
            }, TimeSpan.FromSeconds(30), "the stream to be interrupted");
            await Eventually.AwaitAsync(() => File.Exists(playing + ".interrupted") || check.IsCompleted, TimeSpan.FromSeconds(30), "the page to say the stream is interrupted");
            if (!File.Exists(playing + ".interrupted")) Assert.Fail($"the friend's page did not say the stream was interrupted: {await check}");
            broadcaster = Broadcaster.Start(Node, stream.Id, stream.Key);

            var outcome = await check;
            output.WriteLine(outcome.ToString());
            Assert.True(outcome.Passed, $"the friend's page did not play on after the reconnect: {outcome}");
            var result = outcome.Result!.Value;
            output.WriteLine($"live page opened → playing: {result.GetProperty("playingMs").GetInt32()} ms; → 3 s played: " +
                $"{result.GetProperty("advancedMs").GetInt32()} ms; \"reconnected\" shown → played 4 s past the cut: {result.GetProperty("resumedMs").GetInt32()} ms");
        }
        finally
        {
            await broadcaster.DisposeAsync();
            File.Delete(playing);
            File.Delete(playing + ".interrupted");
        }
    }
}
