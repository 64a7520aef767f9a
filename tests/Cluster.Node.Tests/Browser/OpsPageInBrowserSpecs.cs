using MediaPlatform.Testing.Api;
using MediaPlatform.Testing.Nodes;
using Xunit.Abstractions;

namespace MediaPlatform.Node.Tests.Browser;

/// <summary>
/// The operations page (/ops/) on a 3-node cluster in headless Chromium (tests/Browser/ops-page.mjs): with the admin
/// token it shows the 3 members Up, shards per node, the singletons and the transcode queue, and after some sign-ups on
/// every node its request-rate chart has points above zero (the recent series merged from all members). Its
/// screenshot is kept in the test output whether it passes or not; any console error fails it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OpsPageInBrowserSpecs(ThreeNodeClusterFixture fixture, ITestOutputHelper output) : IClassFixture<ThreeNodeClusterFixture>
{
    [Fact]
    public async Task The_ops_page_shows_three_members_and_charts_the_traffic_of_the_cluster()
    {
        for (var node = 0; node < 3; node++)
        {
            using var http = fixture.Client(node);
            await new ApiClient(http).NewUserAsync($"ops-traffic-{node}");
        }
        Directory.CreateDirectory(BrowserCheck.KeptScreenshotFolder);
        var screenshot = Path.Combine(BrowserCheck.KeptScreenshotFolder, $"ops-page-{DateTime.UtcNow:yyyyMMdd-HHmmss}.png");

        var outcome = await BrowserCheck.RunScriptAsync("ops-page.mjs", TimeSpan.FromMinutes(2),
            new Dictionary<string, string> { ["OPS_ADMIN_TOKEN"] = InProcessNodeCluster.AdminToken },
            [fixture.Cluster.BaseAddresses[1].ToString(), "--members", "3", "--screenshot", screenshot, "--timeout-ms", "60000"]);
        output.WriteLine(outcome.Stdout);
        output.WriteLine($"screenshot: {screenshot}");

        Assert.True(File.Exists(screenshot), $"no screenshot at {screenshot}: {outcome}");
        Assert.True(outcome.Passed, $"the ops page check failed (screenshot: {screenshot}): {outcome}");
        var result = outcome.Result!.Value;
        Assert.Equal(3, result.GetProperty("members").GetInt32());
        Assert.True(result.GetProperty("maxRequestRate").GetDouble() > 0);
        // One request-rate line per member: the node asked merged all three over the cluster.
        var series = result.GetProperty("requestSeries").EnumerateArray().ToArray();
        Assert.Equal(3, series.Length);
        Assert.Contains(series, s => s.GetProperty("points").GetInt32() > 0);
        Assert.Equal(5, result.GetProperty("charts").GetInt32());
        Assert.Equal(["projections", "scheduler", "transcode-coordinator"], result.GetProperty("singletons").EnumerateArray().Select(s => s.GetString()!).Order().ToArray());
    }
}
