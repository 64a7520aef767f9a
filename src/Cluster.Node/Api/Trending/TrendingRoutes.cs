using System.Data.Common;
using System.Security.Claims;
using Akka.Actor;
using Akka.DistributedData;
using Akka.Hosting;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Titles;
using MediaPlatform.Actors.Projections.Views;
using MediaPlatform.Node.Api.Auth;
using MediaPlatform.Node.Api.Titles;
using MediaPlatform.Node.Hosting;

namespace MediaPlatform.Node.Api.Trending;

/// <summary>
/// GET /api/titles/trending?window=hour|day: the most viewed titles of the last hour (six 10-minute buckets) or day
/// (24 hour buckets), from this node's replica of the replicated counters (<see cref="TrendingBuckets"/>), with only
/// the titles the caller may see. GET /api/titles/{titleId}/daily-views: the title's durable views per day, read from
/// the views projection's table (views_daily), so as fresh as that projection (about a second behind when caught up).
/// </summary>
public static class TrendingRoutes
{
    public const int DefaultLimit = 10;
    public const int MaxLimit = 50;
    private static readonly TimeSpan ReplicaTimeout = TimeSpan.FromSeconds(3);

    public static IEndpointRouteBuilder MapTrendingRoutes(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/titles/trending", TrendingAsync)
            .WithTags("titles")
            .WithSummary("The most viewed titles of the last hour or day (window=hour|day, limit 1-50), counted on every node and merged");

        app.MapGet("/api/titles/{titleId}/daily-views", async (string titleId, ClaimsPrincipal caller, IRequiredActor<EntityRegions.Titles> titles,
                DailyViewsReader reader, ILoggerFactory logs, CancellationToken ct) =>
            {
                var (_, problem) = await TitleAccess.ReadAsync(titles.ActorRef, titleId, caller, ct);
                if (problem is not null) return problem;
                TitleDailyViews views;
                try { views = await reader.ReadAsync(titleId, ct); }
                catch (DbException e)
                {
                    // The database's own text (SQL, table names) stays in the log.
                    logs.CreateLogger(typeof(TrendingRoutes)).LogWarning(e, "daily views failed in the read model database");
                    return ServiceUnavailable.Result("Daily views unavailable", "the views read model could not be read; retry shortly", 2);
                }
                return Results.Ok(new DailyViewsResponse(views.TitleId, views.Total, views.Days.Select(d => new DailyViewsItem(d.Day, d.Views)).ToList()));
            })
            .WithTags("titles")
            .WithSummary("A title's durable view count per UTC day (newest first, the last 400 days) and in all, as fresh as the views projection");
        return app;
    }

    private static async Task<IResult> TrendingAsync(string? window, int? limit, ClaimsPrincipal caller, ActorSystem system,
        IRequiredActor<EntityRegions.Titles> titles, ViewClock clock, CancellationToken ct)
    {
        if (TrendingBuckets.ForWindow(window) is not { } buckets) return ApiProblems.Invalid("window must be hour or day");
        if (limit is < 1 or > MaxLimit) return ApiProblems.Invalid($"limit must be 1 to {MaxLimit}");
        var wanted = limit ?? DefaultLimit;

        IGetResponse response;
        try { response = await DistributedData.Get(system).Replicator.Ask<IGetResponse>(Dsl.Get(buckets.Key, ReadLocal.Instance), ReplicaTimeout, ct); }
        catch (AskTimeoutException) { return ApiProblems.Timeout("the trending counters"); }
        var totals = response is GetSuccess found ? buckets.Totals(found.Get(buckets.Key), clock.Now) : [];

        // Only titles the caller may see: look at twice as many candidates as wanted, a bounded number of asks.
        var candidates = totals.Take(Math.Min(2 * wanted, 2 * MaxLimit)).ToList();
        var views = await Task.WhenAll(candidates.Select(c => titles.ActorRef.AskEntityAsync<TitleView>(new GetTitle(c.TitleId), ct)));
        var visible = candidates.Zip(views)
            .Where(p => p.Item2.Reply is { } t && caller.MaySee(t))
            .Take(wanted)
            .Select(p => new TrendingTitle(p.Item1.TitleId, p.Item2.Reply!.Name, p.Item1.Views))
            .ToList();
        return Results.Ok(new TrendingResponse(buckets.Window, visible));
    }
}

public sealed record TrendingTitle(string TitleId, string Name, long Views);

public sealed record TrendingResponse(string Window, IReadOnlyList<TrendingTitle> Titles);

public sealed record DailyViewsItem(DateOnly Day, long Views);

public sealed record DailyViewsResponse(string TitleId, long Total, IReadOnlyList<DailyViewsItem> Days);
