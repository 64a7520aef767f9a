using Akka.Cluster.Hosting;
using Akka.Hosting;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Sharding;
using MediaPlatform.Actors.Trending;
using MediaPlatform.Actors.WatchHistory;
using MediaPlatform.Node.Api.Trending;
using MediaPlatform.Node.Api.WatchHistory;
using MediaPlatform.Node.Configuration;

namespace MediaPlatform.Node.Hosting;

/// <summary>
/// Watch history and trending: the per-user watch histories, the per-title durable daily view counts, this node's
/// trending recorder (replicated counters + batches to the daily counts) and their routes.
/// </summary>
public static class WatchHistoryHosting
{
    public static AkkaConfigurationBuilder WithWatchHistory(this AkkaConfigurationBuilder builder, NodeSettings settings, IClock clock) => builder
        .WithShardRegion<EntityRegions.WatchHistories>(WatchHistoryEntity.TypeName, (_, _, _) =>
                userId => WatchHistoryEntity.PropsFor(userId, settings.WatchHistory, settings.Entities, clock),
            new EntityMessageExtractor<IWatchHistoryCommand>(m => m.UserId), new ShardOptions())
        .WithShardRegion<EntityRegions.TitleViewCounts>(TitleViewCountEntity.TypeName, (_, _, _) =>
                titleId => TitleViewCountEntity.PropsFor(titleId, settings.Entities, clock),
            new EntityMessageExtractor<ITitleViewCountCommand>(m => m.TitleId), new ShardOptions())
        .WithActors((system, registry) =>
        {
            var recorder = system.ActorOf(TrendingRecorder.PropsFor(registry.Get<EntityRegions.TitleViewCounts>(), settings.Trending, clock), "trending-recorder");
            registry.Register<EntityRegions.TrendingRecorder>(recorder);
        });

    public static IServiceCollection AddWatchHistoryServices(this IServiceCollection services)
    {
        services.AddSingleton(sp => sp.GetRequiredService<NodeSettings>().WatchHistory);
        services.AddSingleton(sp => new ViewClock(sp.GetService<IClock>() is { } clock ? clock
            : sp.GetRequiredService<NodeSettings>().ClockOffset is var offset && offset == TimeSpan.Zero ? SystemClock.Instance : new OffsetClock(offset)));
        return services;
    }

    public static IEndpointRouteBuilder MapWatchHistoryEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapWatchHistoryRoutes();
        app.MapTrendingRoutes();
        return app;
    }
}
