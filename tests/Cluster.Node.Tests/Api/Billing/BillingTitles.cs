using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Hosting;
using MediaPlatform.Actors.Titles;
using MediaPlatform.Node.Hosting;
using MediaPlatform.Node.Tests.Api.Titles;
using MediaPlatform.Node.Tests.Support;

namespace MediaPlatform.Node.Tests.Api.Billing;

/// <summary>
/// Titles for the billing specs to order: created through the API, then taken to Published by sending the
/// pipeline's commands to the title entity (as the transcode orchestrator would; no media is needed to be sold).
/// </summary>
internal static class BillingTitles
{
    /// <summary>A new title created by a new user; not published.</summary>
    public static async Task<string> CreatedAsync(TestNode node, string name = "For sale")
    {
        using var owner = await BillingApiClient.SignUpAsync(node, cardNumber: null);
        var created = await owner.Http.PostAsJsonAsync("/api/titles", new { name, description = "" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("titleId").GetString()!;
    }

    /// <summary>A new published title, once every node's catalog lists it.</summary>
    public static async Task<string> PublishedAsync(TestNode node)
    {
        var word = $"sale{Guid.NewGuid():N}";
        var titleId = await CreatedAsync(node, $"For {word}");
        var titles = ActorRegistry.For(node.System).Get<EntityRegions.Titles>();
        var upload = Guid.NewGuid().ToString("N");
        await AskAsync(titles, new RecordSourceUploaded(titleId, upload, TitleBlobKeys.Source(titleId, upload), 1000, "clip.mp4"));
        await AskAsync(titles, new StartProbe(titleId));
        await AskAsync(titles, RecordProbe.Accepted(titleId, PlaybackSetup.Probe, PlaybackSetup.Ladder));
        await AskAsync(titles, new RecordTranscodeProgress(titleId, 1, 1));
        await AskAsync(titles, new RecordPackaged(titleId, TitleBlobKeys.Hls(titleId), "master.m3u8", PlaybackSetup.Ladder));
        await AskAsync(titles, new RecordQcReport(titleId, new TitleQcSummary(true, false, [])));
        Assert.Equal(TitleStatus.Published, (await AskAsync(titles, new PublishTitle(titleId))).Status);
        await Eventually.AwaitAsync(async () => (await node.Http.GetStringAsync($"/api/titles?status=Published&q={word}")).Contains(titleId),
            TimeSpan.FromSeconds(20), $"the catalog did not list published title {titleId}");
        return titleId;
    }

    /// <summary>The ids of the title entities alive on the node.</summary>
    public static async Task<IReadOnlyCollection<string>> LiveEntityIdsAsync(TestNode node)
    {
        var titles = ActorRegistry.For(node.System).Get<EntityRegions.Titles>();
        var state = await titles.Ask<CurrentShardRegionState>(GetShardRegionState.Instance, TimeSpan.FromSeconds(10));
        return state.Shards.SelectMany(s => s.EntityIds).ToHashSet();
    }

    private static Task<TitleView> AskAsync(IActorRef titles, ITitleCommand command) => titles.Ask<TitleView>(command, TimeSpan.FromSeconds(10));
}
