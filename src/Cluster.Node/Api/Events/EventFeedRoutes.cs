namespace MediaPlatform.Node.Api.Events;

/// <summary>
/// GET /api/events?tag=title|image|billing&amp;after=OFFSET&amp;limit=N (admin): the domain events of one journal tag
/// after an offset, like a Kafka topic. Paged JSON {events, next}; with Accept: text/event-stream a live follow where
/// each event's SSE id is its offset, so a consumer that reconnects with Last-Event-ID resumes after the last one it saw.
/// </summary>
public static class EventFeedRoutes
{
    /// <summary>An idle follow writes a comment this often, so proxies keep the connection and a dead client is noticed.</summary>
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    public static IEndpointRouteBuilder MapEventFeedRoutes(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/events", ReadAsync).WithTags("events").RequireAuthorization(Hosting.AuthHosting.AdminPolicy)
            .WithSummary("The events of a journal tag after an offset: paged JSON, or a live follow with Accept: text/event-stream");
        return app;
    }

    private static async Task<IResult> ReadAsync(HttpContext http, string? tag, string? after, string? limit, EventFeed feed,
        IHostApplicationLifetime lifetime, ILoggerFactory logs)
    {
        var live = http.Request.Headers.Accept.Any(a => a?.Contains("text/event-stream", StringComparison.OrdinalIgnoreCase) == true);
        var lastEventId = live ? http.Request.Headers["Last-Event-ID"].ToString() : null;
        if (EventFeedQuery.Parse(tag, after, limit, lastEventId, out var error) is not { } query) return ApiProblems.Invalid(error!);
        if (live)
        {
            await FollowAsync(http, feed, query, lifetime.ApplicationStopping, logs.CreateLogger(typeof(EventFeedRoutes)));
            return Results.Empty;
        }
        try
        {
            return Results.Ok(await feed.PageAsync(query, http.RequestAborted));
        }
        catch (Exception e) when (e is TimeoutException or System.Data.Common.DbException or AggregateException)
        {
            logs.CreateLogger(typeof(EventFeedRoutes)).LogWarning(e, "event feed page failed");
            return ServiceUnavailable.Result("Event feed unavailable", "the journal could not be read in time; retry shortly", 2);
        }
    }

    private static async Task FollowAsync(HttpContext http, EventFeed feed, EventFeedQuery query, CancellationToken stopping, ILogger log)
    {
        // Each follow is a live tag query polling the journal: a node serves a bounded number at once.
        if (Interlocked.Increment(ref _openFollows) > MaxOpenFollows)
        {
            Interlocked.Decrement(ref _openFollows);
            await ServiceUnavailable.Result("Too many event feed follows",
                $"this node already serves {MaxOpenFollows} live follows; page with ?after= or retry later", 30).ExecuteAsync(http);
            return;
        }
        try
        {
            await FollowOpenAsync(http, feed, query, stopping, log);
        }
        finally
        {
            Interlocked.Decrement(ref _openFollows);
        }
    }

    private const int MaxOpenFollows = 32;
    private static int _openFollows;

    private static async Task FollowOpenAsync(HttpContext http, EventFeed feed, EventFeedQuery query, CancellationToken stopping, ILogger log)
    {
        // An open follow must not hold up the node's shutdown: Kestrel waits for running requests.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, stopping);
        var ct = stop.Token;
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        var (killSwitch, events) = feed.Follow(query);
        await using var _ = ct.Register(killSwitch.Shutdown);
        try
        {
            await http.Response.Body.FlushAsync(ct);
            var pull = events.PullAsync();
            while (true)
            {
                if (await Task.WhenAny(pull, Task.Delay(KeepAlive, ct)) != pull)
                {
                    await http.Response.WriteAsync(": keep-alive\n\n", ct);
                    await http.Response.Body.FlushAsync(ct);
                    continue;
                }
                var next = await pull;
                if (!next.HasValue) break; // the follow was stopped
                var e = next.Value;
                var json = System.Text.Json.JsonSerializer.Serialize(e, System.Text.Json.JsonSerializerOptions.Web);
                await http.Response.WriteAsync($"id: {e.Offset}\nevent: {e.Type}\ndata: {json}\n\n", ct);
                await http.Response.Body.FlushAsync(ct);
                pull = events.PullAsync();
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // the client went away or the node is stopping: a normal end of the stream
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The journal query failed after the headers went out: end the stream cleanly and ask the client to come
            // back later (it resumes from its Last-Event-ID), rather than aborting the connection into a retry loop.
            log.LogWarning(e, "event feed follow failed");
            if (!ct.IsCancellationRequested)
            {
                await http.Response.WriteAsync("retry: 10000\n\n", CancellationToken.None);
                await http.Response.Body.FlushAsync(CancellationToken.None);
            }
        }
        finally
        {
            killSwitch.Shutdown();
        }
    }
}
