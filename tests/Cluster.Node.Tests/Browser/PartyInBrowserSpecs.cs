using System.Net;
using System.Text.Json;
using Akka.Hosting;
using MediaPlatform.Node.Hosting;
using MediaPlatform.Node.Tests.Api.Parties;
using MediaPlatform.Node.Tests.Api.Titles;
using MediaPlatform.Testing.Nodes;
using Xunit.Abstractions;

namespace MediaPlatform.Node.Tests.Browser;

/// <summary>Two whole nodes in this process for the watch-party page.</summary>
public sealed class TwoNodePartyFixture : IAsyncLifetime
{
    public InProcessNodeCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync() => Cluster = await InProcessNodeCluster.StartAsync(2, "partypage");

    public async Task DisposeAsync()
    {
        if (Cluster is not null) await Cluster.DisposeAsync();
    }
}

/// <summary>
/// The watch page's party mode in headless Chromium: two tabs of one party on two nodes play the same title, and after
/// one seeks, the other follows to within 250 ms within 3 s (the measured drift is printed).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PartyInBrowserSpecs(TwoNodePartyFixture fixture, ITestOutputHelper output) : IClassFixture<TwoNodePartyFixture>
{
    [Fact]
    public async Task After_a_seek_in_one_tab_the_tab_on_the_other_node_follows_within_250_ms()
    {
        var cluster = fixture.Cluster;
        var host = await PartyPeople.SignUpAsync(cluster.BaseAddresses[0]);
        var titleId = TitleApi.Id(await TitleApi.CreateAsync(host.Client, "Party night"));
        var clip = await TestClip.Mp4Async(seconds: 30, width: 320, height: 180);
        Assert.Equal(HttpStatusCode.OK, (await TitleApi.UploadSourceAsync(host.Client, titleId, clip)).StatusCode);
        await Eventually.AwaitAsync(async () =>
            {
                var status = TitleApi.Status(await TitleApi.GetAsync(host.Client, titleId));
                Assert.NotEqual("Failed", status);
                return status == "Published";
            }, TimeSpan.FromMinutes(4), $"title {titleId} to be published", TimeSpan.FromSeconds(1));
        var partyId = await PartyPeople.PartyAsync(host, titleId);

        var outcome = await BrowserCheck.RunScriptAsync("party-sync.mjs", TimeSpan.FromMinutes(3),
            new Dictionary<string, string> { ["PLAYER_SESSION"] = host.Token },
            cluster.BaseAddresses[0].ToString(), cluster.BaseAddresses[1].ToString(), partyId);
        output.WriteLine(outcome.ToString());
        Assert.True(outcome.Passed, $"the party's tabs did not stay in step: {outcome}");
        var drift = outcome.Result!.Value.GetProperty("driftMs").GetInt32();
        output.WriteLine($"drift between the tabs {outcome.Result!.Value.GetProperty("settledMs").GetInt32()} ms after the seek: {drift} ms");
        Assert.InRange(Math.Abs(drift), 0, 250);
    }
}
