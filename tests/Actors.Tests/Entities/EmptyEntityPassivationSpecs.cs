using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Sharding;
using Akka.Configuration;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Sharding;
using MediaPlatform.Actors.Tests.Support;
using MediaPlatform.Actors.Titles;

namespace MediaPlatform.Actors.Tests.Entities;

/// <summary>
/// The entity base behind real sharding on a one-node cluster: asking for an id nobody ever created answers as
/// before and leaves no live entity behind (not one per random id for the two-minute idle timeout); an entity with
/// history stays. Both with and without remember-entities (the title-pipeline and friendship regions remember).
/// </summary>
public sealed class EmptyEntityPassivationSpecs() : Akka.TestKit.Xunit2.TestKit(ConfigurationFactory.ParseString("""
        akka.loglevel = WARNING
        akka.actor.provider = cluster
        akka.remote.dot-netty.tcp { hostname = 127.0.0.1, port = 0 }
        akka.cluster.sharding.state-store-mode = ddata
        akka.cluster.sharding.remember-entities-store = eventsourced
        akka.cluster.sharding.passivate-idle-entity-after = 120s
        """).WithFallback(EntitySpecConfig.Create()))
{
    private readonly ManualClock _clock = new(DateTimeOffset.Parse("2026-01-01T00:00:00Z"));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Queries_for_ids_with_no_history_must_answer_not_found_and_leave_no_live_entity(bool rememberEntities)
    {
        var region = await StartTitlesAsync(rememberEntities);
        const int randomIds = 20;
        for (var i = 0; i < randomIds; i++)
        {
            var answer = await region.Ask<object>(new GetTitle($"random-{Guid.NewGuid():N}"), TimeSpan.FromSeconds(5));
            Assert.Equal(RejectionKind.NotFound, Assert.IsType<Rejection>(answer).Kind);
        }

        await AwaitAssertAsync(async () => Assert.Equal(0, await LiveEntitiesAsync(region)), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task A_title_with_history_must_stay_live_after_a_query_and_an_empty_one_must_come_back_when_asked_again()
    {
        var region = await StartTitlesAsync(rememberEntities: false);
        await region.Ask<TitleView>(new CreateTitle("kept", "owner-1", "Kept", ""), TimeSpan.FromSeconds(5));
        await region.Ask<TitleView>(new GetTitle("kept"), TimeSpan.FromSeconds(5));
        Assert.IsType<Rejection>(await region.Ask<object>(new GetTitle("gone"), TimeSpan.FromSeconds(5)));
        // The passivated empty entity is started again for the next message, which it handles normally.
        var created = await region.Ask<TitleView>(new CreateTitle("gone", "owner-1", "Created after a miss", ""), TimeSpan.FromSeconds(5));
        Assert.Equal("Created after a miss", created.Name);

        await AwaitAssertAsync(async () => Assert.Equal(2, await LiveEntitiesAsync(region)), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(100));
        Assert.Equal("Kept", (await region.Ask<TitleView>(new GetTitle("kept"), TimeSpan.FromSeconds(5))).Name);
    }

    private async Task<IActorRef> StartTitlesAsync(bool rememberEntities)
    {
        var cluster = Cluster.Get(Sys);
        await cluster.JoinAsync(cluster.SelfAddress);
        var sharding = ClusterSharding.Get(Sys); // loads sharding's default config, which the settings read
        var settings = ClusterShardingSettings.Create(Sys).WithRememberEntities(rememberEntities);
        var entitySettings = EntitySettings.From(Sys);
        return await sharding.StartAsync($"{TitleEntity.TypeName}-{rememberEntities}",
            id => TitleEntity.PropsFor(id, entitySettings, _clock), settings, new EntityMessageExtractor<ITitleCommand>(m => m.TitleId));
    }

    private static async Task<int> LiveEntitiesAsync(IActorRef region)
    {
        var state = await region.Ask<CurrentShardRegionState>(GetShardRegionState.Instance, TimeSpan.FromSeconds(5));
        return state.Shards.Sum(s => s.EntityIds.Count);
    }
}
