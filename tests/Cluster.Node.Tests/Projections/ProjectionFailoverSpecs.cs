using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MediaPlatform.Actors.Projections;
using MediaPlatform.Testing.Api;
using MediaPlatform.Testing.Nodes;
using Microsoft.Extensions.DependencyInjection;

namespace MediaPlatform.Node.Tests.Projections;

/// <summary>
/// The projections singleton on a two-node in-process cluster (one shared journal): titles are created through node 2
/// while the catalog projection runs on node 1 (the oldest); node 1 dies mid-stream, the singleton starts on node 2,
/// resumes from the stored offset and the read table ends with every title once, caught up.
/// </summary>
public sealed class ProjectionFailoverSpecs
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_catalog_projection_resumes_on_the_survivor_after_its_node_dies_mid_stream()
    {
        await using var cluster = await InProcessNodeCluster.StartAsync(2, "projection", extraHocon: """
            akka.persistence.query.journal.sql.refresh-interval = 200ms
            akka.persistence.query.journal.sql.journal-sequence-retrieval.query-delay = 200ms
            media-platform.projections { batch-size = 5, batch-window = 20ms, restart-min-backoff = 200ms }
            """);
        var schema = cluster.Services(1).GetRequiredService<ReadModelSchema>();
        var catalog = schema.Projections.Single(p => p.Name == "catalog");
        var user = await new ApiClient(new HttpClient { BaseAddress = cluster.BaseAddresses[1] }).NewUserAsync("projection");
        using var owner = ApiClient.Authorized(cluster.BaseAddresses[1], user.Token);
        var word = "w" + Guid.NewGuid().ToString("N")[..10];

        for (var i = 0; i < 20; i++) await CreateAsync(owner, $"{word} {i}");
        await Eventually.AwaitAsync(async () => (await ProjectionStatus.ReadAsync(schema, catalog, DateTimeOffset.UtcNow, default)).Offset > 0,
            Patience, "the catalog projection on node 1 to apply its first batch");
        await cluster.KillAsync(0);
        for (var i = 20; i < 40; i++) await CreateAsync(owner, $"{word} {i}");

        await Eventually.AwaitAssertAsync(async () =>
        {
            var status = await ProjectionStatus.ReadAsync(schema, catalog, DateTimeOffset.UtcNow, default);
            Assert.Equal(0, status.EventsBehind);
            var page = await owner.GetFromJsonAsync<JsonElement>($"/api/search?q={word}&mode=text&limit=50");
            Assert.Equal(40, page.GetProperty("total").GetInt64());
        }, Patience);
        var names = (await owner.GetFromJsonAsync<JsonElement>($"/api/search?q={word}&mode=text&limit=50")).GetProperty("titles").EnumerateArray()
            .Select(t => t.GetProperty("name").GetString()).ToList();
        Assert.Equal(Enumerable.Range(0, 40).Select(i => $"{word} {i}").Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
    }

    /// <summary>Creates a title, retrying with the same Idempotency-Key while the dead node's shards move (503).</summary>
    private static Task CreateAsync(HttpClient owner, string name) =>
        Eventually.AwaitAssertAsync(async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/titles") { Content = JsonContent.Create(new { name, description = "" }) };
            request.Headers.Add("Idempotency-Key", name.Replace(' ', '-'));
            Assert.Equal(HttpStatusCode.Created, (await owner.SendAsync(request)).StatusCode);
        }, Patience, TimeSpan.FromMilliseconds(500));
}
