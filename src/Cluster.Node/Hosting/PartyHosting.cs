using System.Text.Json.Serialization;
using Akka.Cluster.Hosting;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.Hosting;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Parties;
using MediaPlatform.Actors.Sharding;
using MediaPlatform.Node.Api.Parties;
using MediaPlatform.Node.Configuration;
using MediaPlatform.Node.Logging;
using Microsoft.AspNetCore.SignalR;

namespace MediaPlatform.Node.Hosting;

/// <summary>
/// Watch parties: the party entities (which publish every change on a DistributedPubSub topic per party), the users'
/// party indexes, this node's watchers that bridge those topics to its SignalR connections, the hub and the routes.
/// No backplane beyond the cluster itself: a change made on any node reaches the connections on every node.
/// </summary>
public static class PartyHosting
{
    /// <summary>The largest message a hub client may send (a chat line is at most 500 characters).</summary>
    public const long MaxHubMessageBytes = 16 * 1024;

    public static AkkaConfigurationBuilder WithPartyEntities(this AkkaConfigurationBuilder builder, NodeSettings settings, IClock clock) => builder
        .WithShardRegion<EntityRegions.Parties>(PartyEntity.TypeName, (system, _, _) =>
            {
                var mediator = DistributedPubSub.Get(system).Mediator;
                return partyId => PartyEntity.PropsFor(partyId, mediator, settings.Entities, clock, settings.Parties.HostAwayGrace);
            },
            new EntityMessageExtractor<IPartyCommand>(m => m.PartyId), new ShardOptions())
        .WithShardRegion<EntityRegions.PartyIndexes>(PartyIndexEntity.TypeName, (_, _, _) =>
                userId => PartyIndexEntity.PropsFor(userId, settings.Entities, clock),
            new EntityMessageExtractor<IPartyIndexCommand>(m => m.UserId), new ShardOptions())
        .WithActors((system, registry, resolver) =>
        {
            var mediator = DistributedPubSub.Get(system).Mediator;
            var parties = registry.Get<EntityRegions.Parties>();
            var hub = resolver.GetService<IHubContext<PartyHub>>();
            var watchers = system.ActorOf(PartyWatchers.PropsFor(partyId => PartyWatcher.PropsFor(partyId, mediator, parties, hub,
                settings.Parties.WatcherReaskInterval)), "party-watchers");
            registry.Register<EntityRegions.PartyWatchers>(watchers);
        });

    public static IServiceCollection AddPartyHub(this IServiceCollection services)
    {
        services.AddSignalR(hub =>
            {
                hub.MaximumReceiveMessageSize = MaxHubMessageBytes;
                hub.AddFilter<HubCallLogging>();
            })
            .AddJsonProtocol(json => json.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        // Refused hub calls are the client's doing, not the node's errors: HubCallLogging logs them at Information.
        services.AddLogging(logging => logging.AddFilter(HubCallLogging.DispatcherCategory, LogLevel.None));
        services.AddSingleton<PartyConnections>();
        services.AddSingleton(sp => new PartyClock(sp.GetService<IClock>() is { } clock ? clock
            : sp.GetRequiredService<NodeSettings>().ClockOffset is var offset && offset == TimeSpan.Zero ? SystemClock.Instance : new OffsetClock(offset)));
        services.AddTransient(sp => new PartyMembership(
            sp.GetRequiredService<IRequiredActor<EntityRegions.Parties>>().ActorRef,
            sp.GetRequiredService<IRequiredActor<EntityRegions.PartyIndexes>>().ActorRef,
            sp.GetRequiredService<IRequiredActor<EntityRegions.FriendLists>>().ActorRef,
            sp.GetRequiredService<NodeSettings>()));
        return services;
    }

    public static IEndpointRouteBuilder MapPartyEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPartyRoutes();
        app.MapHub<PartyHub>(PartyHub.Path).RequireAuthorization();
        return app;
    }
}
