using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Hosting;
using MediaPlatform.Node.Hosting;
using MediaPlatform.Node.Tests.Support;
using MediaPlatform.Testing.Api;

namespace MediaPlatform.Node.Tests.Api.Billing;

/// <summary>
/// Titles for the billing specs to order: created through the API and, when published, taken there by
/// <see cref="PublishedTitles"/> (no media is needed to be sold).
/// </summary>
internal static class BillingTitles
{
    /// <summary>A new title created by a new user; not published.</summary>
    public static async Task<string> CreatedAsync(TestNode node, string name = "For sale")
    {
        using var owner = await BillingApiClient.SignUpAsync(node, cardNumber: null);
        return await PublishedTitles.CreatedAsync(owner.Http, name);
    }

    /// <summary>A new published title, once every node's catalog lists it.</summary>
    public static async Task<string> PublishedAsync(TestNode node)
    {
        var word = $"sale{Guid.NewGuid():N}";
        using var owner = await BillingApiClient.SignUpAsync(node, cardNumber: null);
        var titleId = await PublishedTitles.CreateAsync(owner.Http, ActorRegistry.For(node.System).Get<EntityRegions.Titles>(), $"For {word}");
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
}
