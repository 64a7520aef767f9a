using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MediaPlatform.Node.Hosting;
using MediaPlatform.Testing;
using MediaPlatform.Testing.Api;
using MediaPlatform.Testing.Nodes;

namespace MediaPlatform.Node.Tests.Api.WatchHistory;

/// <summary>
/// Three whole nodes for trending: every start is a new view (new-view-after = 0s), so one viewer's starts on
/// different nodes are separate views; the views projection (one in the cluster) keeps the durable daily counts.
/// </summary>
public sealed class TrendingClusterFixture : IAsyncLifetime
{
    public InProcessNodeCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Cluster = await InProcessNodeCluster.StartAsync(3, "trending",
            extraHocon: "media-platform.watch-history.new-view-after = 0s");

    public async Task DisposeAsync()
    {
        if (Cluster is not null) await Cluster.DisposeAsync();
    }
}

/// <summary>
/// Views counted on different nodes are merged by the replicated counters (no single writer): a third node's
/// trending shows their sum, and so does the title's durable daily count (the views projection over the journal).
/// </summary>
public sealed class TrendingAcrossNodesSpecs(TrendingClusterFixture fixture) : IClassFixture<TrendingClusterFixture>
{
    private InProcessNodeCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task Views_started_on_two_nodes_must_both_count_in_trending_read_on_a_third()
    {
        var user = await new ApiClient(new HttpClient { BaseAddress = Cluster.BaseAddresses[0] }).NewUserAsync("trending", "Viewer");
        var clients = Cluster.BaseAddresses.Select(a => ApiClient.Authorized(a, user.Token)).ToList();
        var titleId = await PublishedTitles.CreateAsync(clients[0], Cluster.Registered<EntityRegions.Titles>(), "Seen everywhere");
        var other = await PublishedTitles.CreateAsync(clients[0], Cluster.Registered<EntityRegions.Titles>(), "Seen once");

        async Task StartAsync(int node, string title)
        {
            var response = await clients[node].PutAsJsonAsync($"/api/users/{user.UserId}/watch-history/{title}", new { positionSeconds = 0, @event = "started" });
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, text);
            Assert.True(JsonDocument.Parse(text).RootElement.GetProperty("newView").GetBoolean(), text);
        }
        await StartAsync(0, titleId);
        await StartAsync(1, titleId);
        await StartAsync(1, titleId);
        await StartAsync(0, other);

        // Gossip spreads each node's increments; the third node never counted anything itself.
        await Eventually.AwaitAssertAsync(async () =>
        {
            var trending = JsonDocument.Parse(await clients[2].GetStringAsync("/api/titles/trending?window=hour")).RootElement.GetProperty("titles");
            var views = trending.EnumerateArray().ToDictionary(t => t.GetProperty("titleId").GetString()!, t => t.GetProperty("views").GetInt64());
            Assert.Equal(3, views.GetValueOrDefault(titleId));
            Assert.Equal(1, views.GetValueOrDefault(other));
            Assert.Equal(titleId, trending[0].GetProperty("titleId").GetString());
        }, TimeSpan.FromSeconds(30));

        await Eventually.AwaitAssertAsync(async () =>
        {
            var daily = JsonDocument.Parse(await clients[2].GetStringAsync($"/api/titles/{titleId}/daily-views")).RootElement;
            Assert.Equal(3, daily.GetProperty("total").GetInt64());
        }, TimeSpan.FromSeconds(30));
    }
}
