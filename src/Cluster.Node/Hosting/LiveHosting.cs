using Akka.Cluster.Hosting;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.Hosting;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Live;
using MediaPlatform.Actors.Sharding;
using MediaPlatform.Node.Api.Live;
using MediaPlatform.Node.Configuration;
using Microsoft.AspNetCore.SignalR;

namespace MediaPlatform.Node.Hosting;

/// <summary>
/// Live streams: the stream entities and the owners' stream indexes, this node's notifier that pushes "a friend went
/// live" to its /hubs/live connections (over DistributedPubSub, from whichever node took the ingest), the ingest, the
/// routes and the hub.
/// </summary>
public static class LiveHosting
{
    public static AkkaConfigurationBuilder WithLiveEntities(this AkkaConfigurationBuilder builder, NodeSettings settings, IClock clock) => builder
        .WithShardRegion<EntityRegions.LiveStreams>(LiveStreamEntity.TypeName, (_, _, _) =>
                streamId => LiveStreamEntity.PropsFor(streamId, settings.Live, settings.Entities, clock),
            new EntityMessageExtractor<ILiveStreamCommand>(m => m.StreamId), new ShardOptions())
        .WithShardRegion<EntityRegions.LiveIndexes>(LiveIndexEntity.TypeName, (_, _, _) =>
                ownerId => LiveIndexEntity.PropsFor(ownerId, settings.Entities, clock),
            new EntityMessageExtractor<ILiveIndexCommand>(m => m.OwnerId), new ShardOptions())
        .WithActors((system, registry, resolver) =>
        {
            var hub = resolver.GetService<IHubContext<LiveHub>>();
            registry.Register<EntityRegions.LiveNotifier>(system.ActorOf(LiveNotifier.PropsFor(DistributedPubSub.Get(system).Mediator, hub), "live-notifier"));
        });

    public static IServiceCollection AddLiveServices(this IServiceCollection services)
    {
        services.AddSignalR(); // the party hub configures the protocol and limits; this only makes sure the hub services exist
        services.AddSingleton(sp => new LiveViewers(
            sp.GetRequiredService<IRequiredActor<EntityRegions.LiveStreams>>().ActorRef,
            sp.GetRequiredService<IRequiredActor<EntityRegions.FriendLists>>().ActorRef));
        services.AddSingleton<LiveIngest>();
        return services;
    }

    public static IEndpointRouteBuilder MapLiveEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapLiveRoutes();
        app.MapHub<LiveHub>(LiveHub.Path).RequireAuthorization();
        return app;
    }
}
