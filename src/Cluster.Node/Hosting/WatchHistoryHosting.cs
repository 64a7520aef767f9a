using Akka.Cluster.Hosting;
using Akka.Configuration;
using Akka.Hosting;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Sharding;
using MediaPlatform.Actors.WatchHistory;
using MediaPlatform.Node.Api.Trending;
using MediaPlatform.Node.Api.WatchHistory;
using MediaPlatform.Node.Configuration;

namespace MediaPlatform.Node.Hosting;

/// <summary>
/// Watch history and trending: the per-user watch histories (their view starts tagged for the views projection, which
/// keeps the durable daily counts), this node's trending recorder (replicated counters) and their routes.
/// </summary>
public static class WatchHistoryHosting
{
    public static AkkaConfigurationBuilder WithWatchHistory(this AkkaConfigurationBuilder builder, NodeSettings settings, IClock clock) => builder
        // New views are tagged in the journal for the views projection (GET /api/titles/{id}/daily-views).
        .AddHocon(PersistenceHosting.EventAdapterHocon(WatchHistoryEventTagger.JournalHocon), HoconAddMode.Prepend)
        .WithShardRegion<EntityRegions.WatchHistories>(WatchHistoryEntity.TypeName, (_, _, _) =>
                userId => WatchHistoryEntity.PropsFor(userId, settings.WatchHistory, settings.Entities, clock),
            new EntityMessageExtractor<IWatchHistoryCommand>(m => m.UserId), new ShardOptions())
        .WithActors((system, registry) =>
        {
            var recorder = system.ActorOf(TrendingRecorder.PropsFor(settings.Trending, clock), "trending-recorder");
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
